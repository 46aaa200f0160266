namespace BorderAlertBot.Discord.Wire;

/// <summary>Start a thread from a message: <c>name</c> 1–100 characters; archived after a day without messages.</summary>
public sealed record ThreadRequest(string Name, int AutoArchiveDuration = 1440);
