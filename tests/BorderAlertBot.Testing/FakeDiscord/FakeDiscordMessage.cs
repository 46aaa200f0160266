using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// A message as it now stands, after every edit. <see cref="AllowedMentions"/> is what the latest write (create or edit)
/// sent, null when that write left it out, so a test can assert the bot always says who may be pinged (§3: a bot message
/// parses every mention by default).
/// </summary>
public sealed record FakeDiscordMessage
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    public string? Content { get; init; }

    /// <summary>The embeds as sent (a JSON array, empty when none).</summary>
    public required JsonElement Embeds { get; init; }

    public required IReadOnlyList<FakeDiscordAttachment> Attachments { get; init; }

    /// <summary>The components as sent (a JSON array, empty when none).</summary>
    public required JsonElement Components { get; init; }

    public JsonElement? MessageReference { get; init; }

    public JsonElement? AllowedMentions { get; init; }

    public string? Nonce { get; init; }

    public int Flags { get; init; }

    /// <summary>How many edits were applied.</summary>
    public int EditCount { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    /// <summary>The webhook that posted it, or null for the bot's own messages.</summary>
    public string? WebhookId { get; init; }

    /// <summary>The interaction token it answers, for interaction responses and follow-ups.</summary>
    public string? InteractionToken { get; init; }

    /// <summary>The number of embeds.</summary>
    public int EmbedCount => Embeds.GetArrayLength();
}
