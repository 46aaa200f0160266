namespace BorderAlertBot.Discord.Interactions;

/// <summary>An interaction POST as it arrived: the two signature headers and the raw body bytes, unparsed.</summary>
public sealed record InteractionRequest(string? Signature, string? Timestamp, byte[] Body);
