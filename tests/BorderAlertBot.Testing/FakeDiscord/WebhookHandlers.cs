namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Execute webhook and edit webhook message (§3), and the interaction endpoints that share their paths (§1.4): when the
/// webhook id is the application id, the token is an interaction token, any token is accepted until it is older than
/// <see cref="FakeDiscordOptions.InteractionTokenLifetime"/>, PATCH <c>@original</c> edits the deferred response and POST
/// is a follow-up (always answered as with <c>wait=true</c>).
/// </summary>
internal sealed class WebhookHandlers(FakeDiscordOptions options, FakeDiscordState state)
{
    public FakeResponse Execute(FakeCall call)
    {
        if (call.Target.IsInteraction)
        {
            return FollowUp(call);
        }

        if (Check(call) is { } refusal)
        {
            return refusal;
        }

        var webhook = call.Target.Webhook!; // Check refused a call without one.
        if (ParseBoolean(call.Query("wait")) is not { } wait)
        {
            return FakeResponses.InvalidFormBody("wait", "BOOLEAN_TYPE_CONVERT", "Must be either true or false.");
        }

        var channelId = webhook.ChannelId;
        if (call.Query("thread_id") is { } threadId)
        {
            if (state.Thread(threadId) is not { } thread || thread.ParentChannelId != webhook.ChannelId)
            {
                return FakeResponses.Error(404, 10003, "Unknown Channel");
            }

            channelId = thread.Id;
        }

        var write = new MessageWrite(channelId, MessageRules.WebhookFlags, ChecksReplies: false, WebhookId: webhook.Id);
        if (MessageComposer.TryWrite(call, write, null, state, out var message) is { } error)
        {
            return error;
        }

        state.Store(message);
        return wait ? FakeResponses.Json(200, MessageWire.Message(message, options.ApplicationId)) : FakeResponses.NoContent();
    }

    public FakeResponse EditMessage(FakeCall call)
    {
        if (call.Target.IsInteraction)
        {
            return EditInteractionMessage(call, call.Value("message_id"));
        }

        if (Check(call) is { } refusal)
        {
            return refusal;
        }

        var webhook = call.Target.Webhook!; // Check refused a call without one.
        if (state.FindMessage(call.Value("message_id")) is not { } existing || existing.WebhookId != webhook.Id)
        {
            return FakeResponses.UnknownMessage();
        }

        var write = new MessageWrite(existing.ChannelId, MessageRules.WebhookFlags, ChecksReplies: false, WebhookId: webhook.Id);
        if (MessageComposer.TryWrite(call, write, existing, state, out var message) is { } error)
        {
            return error;
        }

        state.Store(message);
        return FakeResponses.Json(200, MessageWire.Message(message, options.ApplicationId));
    }

    public FakeResponse EditOriginal(FakeCall call)
    {
        if (call.Target.IsInteraction)
        {
            return EditInteractionMessage(call, messageId: null);
        }

        return Check(call) ?? FakeResponses.UnknownMessage();
    }

    private FakeResponse FollowUp(FakeCall call)
    {
        var token = call.Value("webhook_token");
        if (Interaction(call) is not { } interaction)
        {
            return FakeResponses.InvalidWebhookToken();
        }

        var write = new MessageWrite(options.InteractionChannelId, MessageRules.InteractionFlags, ChecksReplies: false, InteractionToken: token);
        if (MessageComposer.TryWrite(call, write, null, state, out var message) is { } error)
        {
            return error;
        }

        interaction.FollowUps.Add(message);
        return FakeResponses.Json(200, MessageWire.Message(message, options.ApplicationId));
    }

    /// <summary>Edits <c>@original</c> (<paramref name="messageId"/> null; the first edit fills in the deferred response) or a follow-up.</summary>
    private FakeResponse EditInteractionMessage(FakeCall call, string? messageId)
    {
        var token = call.Value("webhook_token");
        if (Interaction(call) is not { } interaction)
        {
            return FakeResponses.InvalidWebhookToken();
        }

        var followUp = -1;
        FakeDiscordMessage existing;
        if (messageId is null || messageId == interaction.Original?.Id)
        {
            existing = interaction.Original ?? Deferred(token, interaction);
        }
        else if ((followUp = interaction.FollowUps.FindIndex(message => message.Id == messageId)) >= 0)
        {
            existing = interaction.FollowUps[followUp];
        }
        else
        {
            return FakeResponses.UnknownMessage();
        }

        var write = new MessageWrite(options.InteractionChannelId, MessageRules.InteractionFlags, ChecksReplies: false, InteractionToken: token);
        if (MessageComposer.TryWrite(call, write, existing, state, out var message) is { } error)
        {
            return error;
        }

        if (followUp >= 0)
        {
            interaction.FollowUps[followUp] = message;
        }
        else
        {
            interaction.Original = message;
        }

        return FakeResponses.Json(200, MessageWire.Message(message, options.ApplicationId));
    }

    /// <summary>The interaction for the call's token, or null once the token has expired.</summary>
    private FakeInteraction? Interaction(FakeCall call)
    {
        var interaction = state.Interaction(call.Value("webhook_token"), call.Now);
        return call.Now - interaction.FirstSeen > options.InteractionTokenLifetime ? null : interaction;
    }

    /// <summary>The "thinking…" message a type-5 response left, before its first edit.</summary>
    private FakeDiscordMessage Deferred(string token, FakeInteraction interaction) => new()
    {
        Id = state.Ids.Next(),
        ChannelId = options.InteractionChannelId,
        Embeds = JsonElementExtensions.EmptyArray,
        Components = JsonElementExtensions.EmptyArray,
        Attachments = [],
        Timestamp = interaction.FirstSeen,
        InteractionToken = token,
    };

    /// <summary>404 10015 for an unknown webhook, 401 50027 for a wrong token (§5).</summary>
    private static FakeResponse? Check(FakeCall call) =>
        call.Target.Webhook is not { } webhook ? FakeResponses.UnknownWebhook()
        : webhook.Token != call.Value("webhook_token") ? FakeResponses.InvalidWebhookToken()
        : null;

    /// <summary>Discord's boolean query values (§0): true/True/1 or false/False/0; absent is false.</summary>
    private static bool? ParseBoolean(string? value) => value switch
    {
        null or "false" or "False" or "0" => false,
        "true" or "True" or "1" => true,
        _ => null,
    };
}
