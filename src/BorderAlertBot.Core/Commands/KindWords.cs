using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary>Event kinds as people type them: clash, clashes, border-clash, BorderClash; ceasefire; trade.</summary>
internal static class KindWords
{
    private static readonly (string Word, EventKind Kind)[] Words =
    [
        ("clash", EventKind.BorderClash),
        ("clashes", EventKind.BorderClash),
        ("border-clash", EventKind.BorderClash),
        ("borderclash", EventKind.BorderClash),
        ("ceasefire", EventKind.CeasefireCall),
        ("ceasefire-call", EventKind.CeasefireCall),
        ("ceasefirecall", EventKind.CeasefireCall),
        ("trade", EventKind.TradeDisruption),
        ("trade-disruption", EventKind.TradeDisruption),
        ("tradedisruption", EventKind.TradeDisruption),
    ];

    /// <summary>"clash, ceasefire or trade".</summary>
    public const string Choices = "clash, ceasefire or trade";

    public static bool TryParse(string text, out EventKind kind)
    {
        var lower = text.Trim().ToLowerInvariant();
        foreach (var (word, candidate) in Words)
        {
            if (word == lower)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The short word for a kind: clash, ceasefire or trade.</summary>
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.BorderClash => "clash",
        EventKind.CeasefireCall => "ceasefire",
        _ => "trade",
    };

    public static (string Word, int Distance)? Closest(string text) => ClosestWord.Find(text, Words.Select(pair => pair.Word));

    public static CommandError Error(string option, string text) =>
        Closest(text) is { } close
            ? new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a kind; did you mean {close.Word}?", close.Word)
            : new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a kind; use {Choices}");
}
