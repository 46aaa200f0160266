using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Create message, edit message and start thread from message (§3). With <c>nonce</c> and <c>enforce_nonce: true</c>, a
/// repeat in the same channel within the nonce window returns the first message instead of posting again. A thread's id
/// is its starting message's id, and a message can start only one thread (160004).
/// </summary>
internal sealed class ChannelHandlers(FakeDiscordOptions options, FakeDiscordState state)
{
    private static readonly int[] ArchiveDurations = [60, 1440, 4320, 10080];

    public FakeResponse Create(FakeCall call)
    {
        var channelId = call.Value("channel_id");
        var write = new MessageWrite(channelId, MessageRules.ChannelFlags, ChecksReplies: true);
        if (MessageComposer.TryWrite(call, write, null, state, out var message) is { } error)
        {
            return error;
        }

        if (message.Nonce is { } nonce && call.Payload.IsTrue("enforce_nonce"))
        {
            if (state.FindByNonce(channelId, nonce, call.Now) is { } earlier)
            {
                state.NonceHits++;
                return FakeResponses.Json(200, MessageWire.Message(earlier, options.ApplicationId));
            }

            state.RememberNonce(channelId, nonce, message.Id, call.Now);
        }

        state.Store(message);
        return FakeResponses.Json(200, MessageWire.Message(message, options.ApplicationId));
    }

    public FakeResponse Edit(FakeCall call)
    {
        var channelId = call.Value("channel_id");
        if (state.FindMessage(channelId, call.Value("message_id")) is not { } existing)
        {
            return FakeResponses.UnknownMessage();
        }

        if (existing.WebhookId is not null)
        {
            return FakeResponses.Error(403, 50005, "Cannot edit a message authored by another user");
        }

        var write = new MessageWrite(channelId, MessageRules.ChannelFlags, ChecksReplies: false);
        if (MessageComposer.TryWrite(call, write, existing, state, out var message) is { } error)
        {
            return error;
        }

        state.Store(message);
        return FakeResponses.Json(200, MessageWire.Message(message, options.ApplicationId));
    }

    public FakeResponse StartThread(FakeCall call)
    {
        var (channelId, messageId) = (call.Value("channel_id"), call.Value("message_id"));
        if (state.FindMessage(channelId, messageId) is null)
        {
            return FakeResponses.UnknownMessage();
        }

        var payload = call.Payload;
        var errors = new ValidationErrors();
        MessageValidator.Text(payload, "name", "", 100, required: true, errors, min: 1);
        var duration = 1440;
        if (payload.TryGetValue("auto_archive_duration", out var value) && (!value.TryGetInt32(out duration) || !ArchiveDurations.Contains(duration)))
        {
            errors.Add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of (60, 1440, 4320, 10080).");
        }

        if (!errors.IsEmpty)
        {
            return FakeResponses.InvalidFormBody(errors);
        }

        if (state.ThreadFromMessage(messageId) is not null)
        {
            return FakeResponses.Error(400, 160004, "A thread has already been created for this message");
        }

        var thread = new FakeDiscordThread(messageId, channelId, messageId, payload.GetProperty("name").GetString()!.Trim(), duration, call.Now); // Validated above.
        state.AddThread(thread);
        return FakeResponses.Json(201, MessageWire.Thread(thread, options.ApplicationId));
    }
}
