using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Subscriptions;

/// <summary>A subscription's id: <c>sub_</c> followed by 10 lower-case letters or digits.</summary>
public readonly partial record struct SubscriptionId
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private SubscriptionId(string value) => Value = value;

    public string Value { get; }

    public static SubscriptionId New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new SubscriptionId("sub_" + new string(chars));
    }

    public static SubscriptionId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a subscription id: expected sub_ and 10 letters or digits.");

    public static bool TryParse([NotNullWhen(true)] string? value, out SubscriptionId id)
    {
        if (value is not null && Pattern().IsMatch(value))
        {
            id = new SubscriptionId(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex("^sub_[a-z0-9]{10}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
