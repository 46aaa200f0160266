using System.Text.Json;

namespace BorderAlertBot.Serialization;

/// <summary>Strings read from JSON that someone else wrote (a platform's request), without trusting it to be well-formed UTF-16.</summary>
public static class JsonStrings
{
    /// <summary>
    /// The string value of <paramref name="element"/>; a value with a lone surrogate escape (<c>"\ud800"</c>), which
    /// System.Text.Json refuses to decode with an <see cref="InvalidOperationException"/>, is returned as its escaped
    /// source text instead, so it reads as the nonsense it is rather than failing the request.
    /// </summary>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            var raw = element.GetRawText();
            return raw.Length >= 2 ? raw[1..^1] : string.Empty;
        }
    }
}
