namespace BorderAlertBot.Discord.Wire;

/// <summary>A file for a multipart body's <c>files[n]</c> part (the chart PNG).</summary>
public sealed record DiscordFile(string FileName, string ContentType, byte[] Bytes, string? Description);
