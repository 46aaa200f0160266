namespace BorderAlertBot.Abstractions;

/// <summary>A rendered chart: PNG bytes ready to upload, and alt text for screen readers and text-only platforms.</summary>
public sealed record ChartImage(string FileName, byte[] Png, int Width, int Height, string AltText);
