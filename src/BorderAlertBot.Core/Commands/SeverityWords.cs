using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary>Severities by name (low … critical, any case) or number (1 to 5).</summary>
internal static class SeverityWords
{
    public const string Choices = "low, moderate, significant, high, critical or 1 to 5";

    private static readonly string[] Names = [.. Enum.GetValues<Severity>().Select(severity => severity.ToString().ToLowerInvariant())];

    public static bool TryParse(string text, out Severity severity)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 1 && trimmed[0] is >= '1' and <= '5')
        {
            severity = (Severity)(trimmed[0] - '0');
            return true;
        }

        var lower = trimmed.ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<Severity>())
        {
            if (candidate.ToString().Equals(lower, StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    public static (string Word, int Distance)? Closest(string text) => ClosestWord.Find(text, Names);

    public static CommandError Error(string option, string text) =>
        Closest(text) is { } close
            ? new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a severity; did you mean {close.Word}?", close.Word)
            : new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a severity; use {Choices}");
}
