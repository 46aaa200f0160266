namespace BorderAlertBot.Commands;

/// <summary>User text as an error message echoes it: trimmed, in quotes, cut short so a reply stays short.</summary>
internal static class Shown
{
    /// <summary>How much of a value a message shows before cutting it short.</summary>
    public const int MaxLength = 40;

    public static string Quoted(string text) => $"\"{Short(text)}\"";

    public static string Short(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxLength ? trimmed : string.Concat(trimmed.AsSpan(0, MaxLength), "…");
    }
}
