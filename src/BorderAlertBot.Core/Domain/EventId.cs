using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Domain;

/// <summary>Our stable identifier of an event: <c>evt_</c> followed by lower-case letters, digits, '_' or '-'.</summary>
[JsonConverter(typeof(Serialization.EventIdJsonConverter))]
public readonly partial record struct EventId
{
    private EventId(string value) => Value = value;

    public string Value { get; }

    public static EventId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new FormatException($"'{value}' is not an event id: expected evt_ followed by up to 64 of a-z, 0-9, '_' or '-'.");

    public static bool TryParse([NotNullWhen(true)] string? value, out EventId id)
    {
        if (value is not null && Pattern().IsMatch(value))
        {
            id = new EventId(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex("^evt_[a-z0-9][a-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
