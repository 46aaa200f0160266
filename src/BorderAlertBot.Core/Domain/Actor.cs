namespace BorderAlertBot.Domain;

/// <summary>An actor as reported (<paramref name="Name"/>) and its normalised short form.</summary>
public sealed record Actor(string Name, string ShortName);
