using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Discord's message and channel objects, as the fake returns them (ids as strings, ISO8601 timestamps, §0).</summary>
internal static class MessageWire
{
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    public static JsonObject Message(FakeDiscordMessage message, string applicationId)
    {
        var author = message.WebhookId is { } webhookId
            ? new JsonObject { ["id"] = webhookId, ["username"] = "Webhook", ["bot"] = true, ["discriminator"] = "0000" }
            : new JsonObject { ["id"] = applicationId, ["username"] = "BorderAlertBot", ["bot"] = true, ["discriminator"] = "0" };
        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["type"] = message.MessageReference is null ? 0 : 19,
            ["channel_id"] = message.ChannelId,
            ["author"] = author,
            ["content"] = message.Content ?? string.Empty,
            ["embeds"] = Node(message.Embeds),
            ["attachments"] = new JsonArray([.. message.Attachments.Select(attachment => Attachment(attachment, message.ChannelId))]),
            ["components"] = Node(message.Components),
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["mention_everyone"] = false,
            ["pinned"] = false,
            ["tts"] = false,
            ["flags"] = message.Flags,
            ["timestamp"] = Timestamp(message.Timestamp),
            ["edited_timestamp"] = message.EditedTimestamp is { } edited ? Timestamp(edited) : null,
        };
        if (message.Nonce is not null)
        {
            json["nonce"] = message.Nonce;
        }

        if (message.MessageReference is { } reference)
        {
            json["message_reference"] = Node(reference);
        }

        if (message.WebhookId is not null)
        {
            json["webhook_id"] = message.WebhookId;
        }

        return json;
    }

    public static JsonObject Thread(FakeDiscordThread thread, string applicationId) => new()
    {
        ["id"] = thread.Id,
        ["type"] = 11,
        ["parent_id"] = thread.ParentChannelId,
        ["name"] = thread.Name,
        ["owner_id"] = applicationId,
        ["message_count"] = 0,
        ["member_count"] = 1,
        ["rate_limit_per_user"] = 0,
        ["flags"] = 0,
        ["thread_metadata"] = new JsonObject
        {
            ["archived"] = false,
            ["auto_archive_duration"] = thread.AutoArchiveDuration,
            ["archive_timestamp"] = Timestamp(thread.CreatedAt),
            ["locked"] = false,
            ["create_timestamp"] = Timestamp(thread.CreatedAt),
        },
    };

    public static JsonNode? Node(JsonElement element) => JsonNode.Parse(element.GetRawText());

    private static JsonObject Attachment(FakeDiscordAttachment attachment, string channelId)
    {
        var url = $"https://cdn.discordapp.com/attachments/{channelId}/{attachment.Id}/{Uri.EscapeDataString(attachment.FileName)}";
        var json = new JsonObject
        {
            ["id"] = attachment.Id,
            ["filename"] = attachment.FileName,
            ["size"] = attachment.Size,
            ["url"] = url,
            ["proxy_url"] = url.Replace("cdn.discordapp.com", "media.discordapp.net", StringComparison.Ordinal),
        };
        if (attachment.ContentType is not null)
        {
            json["content_type"] = attachment.ContentType;
        }

        if (attachment.Description is not null)
        {
            json["description"] = attachment.Description;
        }

        return json;
    }
}
