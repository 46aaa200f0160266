using System.Globalization;
using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Turns a create or edit body into the message as it will stand (§3). A create needs something to show (50006). On an
/// edit the fields sent replace the old ones; <c>attachments</c>, when sent, lists the attachments to keep and every
/// other one is removed, and uploaded files are added (§3: "anything left out is removed"). Files over 10 MiB are 50045,
/// more than 10 attachments 30015.
/// </summary>
internal static class MessageComposer
{
    private const int MaxFileBytes = 10 * 1024 * 1024;

    public static FakeResponse? TryWrite(FakeCall call, MessageWrite write, FakeDiscordMessage? existing, FakeDiscordState state, out FakeDiscordMessage message)
    {
        message = null!; // Only read when no error is returned.
        var payload = call.Payload;
        var files = call.Files;
        var previous = existing?.Attachments ?? [];
        var kept = payload.TryGetValue("attachments", out var listed) && listed.ValueKind == JsonValueKind.Array
            ? previous.Where(attachment => listed.EnumerateArray().Any(entry => entry.TryGetValue("id", out var id) && id.IdText() == attachment.Id)).ToList()
            : [.. previous];

        var rules = new MessageRules(
            write.ChannelId,
            write.AllowedFlags,
            existing?.Flags ?? 0,
            files.Select(file => FileName(file, payload)).Concat(kept.Select(attachment => attachment.FileName)).ToHashSet(StringComparer.Ordinal),
            files.Where(file => file.Index is not null).Select(file => file.Index!.Value.ToString(CultureInfo.InvariantCulture))
                .Concat(previous.Select(attachment => attachment.Id)).ToHashSet(StringComparer.Ordinal),
            write.ChecksReplies ? (channelId, messageId) => state.FindMessage(channelId, messageId) is not null : null);
        var errors = MessageValidator.Validate(payload, rules);
        if (!errors.IsEmpty)
        {
            return FakeResponses.InvalidFormBody(errors);
        }

        if (files.Any(file => file.Content.Length > MaxFileBytes))
        {
            return FakeResponses.Error(400, 50045, "File uploaded exceeds the maximum size");
        }

        if (kept.Count + files.Count > 10)
        {
            return FakeResponses.Error(400, 30015, "Maximum number of attachments in a message reached (10)");
        }

        if (existing is null && MessageValidator.IsEmpty(payload, files))
        {
            return FakeResponses.EmptyMessage();
        }

        message = existing is null ? Create(call, write, state) : Edit(call, existing);
        message = message with
        {
            Attachments =
            [
                .. kept,
                .. files.Select(file => new FakeDiscordAttachment(state.Ids.Next(), FileName(file, payload), file.ContentType, Description(file, payload), file.Content)),
            ],
        };
        return existing is not null && MessageValidator.IsEmpty(message) ? FakeResponses.EmptyMessage() : null;
    }

    private static FakeDiscordMessage Create(FakeCall call, MessageWrite write, FakeDiscordState state)
    {
        var payload = call.Payload;
        return new FakeDiscordMessage
        {
            Id = state.Ids.Next(),
            ChannelId = write.ChannelId,
            Content = payload.StringOrNull("content"),
            Embeds = Array(payload, "embeds"),
            Components = Array(payload, "components"),
            Attachments = [],
            MessageReference = payload.TryGetValue("message_reference", out var reference) ? reference : null,
            AllowedMentions = payload.TryGetValue("allowed_mentions", out var mentions) ? mentions : null,
            Nonce = payload.TryGetValue("nonce", out var nonce) ? nonce.IdText() : null,
            Flags = payload.TryGetValue("flags", out var flags) ? flags.GetInt32() : 0,
            Timestamp = call.Now,
            WebhookId = write.WebhookId,
            InteractionToken = write.InteractionToken,
        };
    }

    private static FakeDiscordMessage Edit(FakeCall call, FakeDiscordMessage existing)
    {
        var payload = call.Payload;
        return existing with
        {
            Content = payload.Has("content") ? payload.StringOrNull("content") : existing.Content,
            Embeds = payload.Has("embeds") ? Array(payload, "embeds") : existing.Embeds,
            Components = payload.Has("components") ? Array(payload, "components") : existing.Components,
            AllowedMentions = payload.TryGetValue("allowed_mentions", out var mentions) ? mentions : null,
            Flags = payload.TryGetValue("flags", out var flags) ? flags.GetInt32() : existing.Flags,
            EditCount = existing.EditCount + 1,
            EditedTimestamp = call.Now,
        };
    }

    private static JsonElement Array(JsonElement payload, string name) =>
        payload.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : JsonElementExtensions.EmptyArray;

    /// <summary>The name an upload goes by: its <c>attachments</c> entry's filename, else the part's filename (§3).</summary>
    private static string FileName(FakeDiscordFile file, JsonElement payload) =>
        (Entry(file, payload) is { } entry ? entry.StringOrNull("filename") : null) ?? file.FileName;

    private static string? Description(FakeDiscordFile file, JsonElement payload) =>
        Entry(file, payload) is { } entry ? entry.StringOrNull("description") : null;

    private static JsonElement? Entry(FakeDiscordFile file, JsonElement payload)
    {
        if (file.Index is not { } index)
        {
            return null;
        }

        var id = index.ToString(CultureInfo.InvariantCulture);
        foreach (var entry in payload.ArrayOrEmpty("attachments"))
        {
            if (entry.TryGetValue("id", out var value) && value.IdText() == id)
            {
                return entry;
            }
        }

        return null;
    }
}
