using System.Text;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body as Slack sends it (platforms/slack.md §1): UTF-8, <c>+</c> for a
/// space, percent escapes. The first value of a repeated field wins; a field without <c>=</c> has an empty value.
/// Malformed escapes are kept as they are rather than refused: the signature has already vouched for the bytes.
/// </summary>
public static class SlackForm
{
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            fields.TryAdd(name, value);
        }

        return fields;
    }

    private static string Decode(string text)
    {
        var spaced = text.Replace('+', ' ');
        try
        {
            return Uri.UnescapeDataString(spaced);
        }
        catch (UriFormatException)
        {
            return spaced;
        }
    }
}
