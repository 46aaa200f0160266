using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// A feed's position between polls, stored as the source's cursor: the validators for a conditional GET (<c>ETag</c>,
/// <c>Last-Modified</c>), the newest publication time seen, and the keys of the items the last answer held, so an item
/// is taken once however often the feed repeats it.
/// </summary>
internal sealed record FeedCursor(string? ETag, string? LastModified, DateTimeOffset? Newest, IReadOnlyList<string> Seen)
{
    /// <summary>The stored cursor, or null when there is none (the first poll) or it cannot be read (then the first-poll rule applies again).</summary>
    public static FeedCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, FeedJsonContext.Default.FeedCursor) is { Seen: not null } cursor ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, FeedJsonContext.Default.FeedCursor);
}

[JsonSerializable(typeof(FeedCursor))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
