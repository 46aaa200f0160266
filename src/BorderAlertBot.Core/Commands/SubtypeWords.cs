using System.Text;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary>Event subtypes by enum name (AirStrike, any case) or in kebab case (air-strike).</summary>
internal static class SubtypeWords
{
    private static readonly (string Word, EventSubtype Subtype)[] Words =
    [
        .. Enum.GetValues<EventSubtype>().Select(subtype => (Kebab(subtype), subtype)),
        .. Enum.GetValues<EventSubtype>().Select(subtype => (subtype.ToString().ToLowerInvariant(), subtype)),
    ];

    public static bool TryParse(string text, out EventSubtype subtype)
    {
        var lower = text.Trim().ToLowerInvariant();
        foreach (var (word, candidate) in Words)
        {
            if (word == lower)
            {
                subtype = candidate;
                return true;
            }
        }

        subtype = default;
        return false;
    }

    /// <summary>air-strike for AirStrike.</summary>
    public static string Of(EventSubtype subtype) => Kebab(subtype);

    public static (string Word, int Distance)? Closest(string text) => ClosestWord.Find(text, Words.Select(pair => pair.Word));

    public static CommandError Error(string option, string text)
    {
        if (Closest(text) is { } close && TryParse(close.Word, out var subtype))
        {
            var word = Of(subtype);
            return new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a subtype; did you mean {word}?", word);
        }

        return new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a subtype; see /border help {SubcommandNames.Subscribe}");
    }

    private static string Kebab(EventSubtype subtype)
    {
        var name = subtype.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}
