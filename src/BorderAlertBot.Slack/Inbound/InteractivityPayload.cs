using System.Text;
using System.Text.Json;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>The <c>payload</c> field of an interactivity request (platforms/slack.md §1), read as JSON.</summary>
public static class InteractivityPayload
{
    /// <summary>
    /// The payload's JSON, or false when it is not JSON. Read from its UTF-8 bytes, so a lone surrogate the form decoding
    /// let through is a replacement character, not an exception.
    /// </summary>
    public static bool TryParse(string text, out JsonElement payload)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(text));
            payload = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            payload = default;
            return false;
        }
    }
}
