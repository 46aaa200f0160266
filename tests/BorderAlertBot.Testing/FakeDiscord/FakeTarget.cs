namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// What a request is about: its major parameter (the bucket key beside the bucket hash, §4), the channel it writes to
/// (for hidden limits and delays), the ids <see cref="FakeDiscordServer.FailNext"/> matches, and the webhook or
/// interaction it names.
/// </summary>
internal sealed record FakeTarget(string Major, string? ChannelId, IReadOnlyList<string> FaultKeys, FakeWebhook? Webhook, bool IsInteraction)
{
    public static readonly FakeTarget None = new(string.Empty, null, [], null, false);

    public static FakeTarget Resolve(FakeRoute route, Func<string, string> value, Func<string, string?> query, FakeDiscordState state, FakeDiscordOptions options)
    {
        switch (route.Kind)
        {
            case RouteKind.CreateMessage or RouteKind.EditMessage or RouteKind.StartThread:
                var channelId = value("channel_id");
                return new FakeTarget(channelId, channelId, [channelId], null, false);
            case RouteKind.ExecuteWebhook or RouteKind.EditWebhookMessage or RouteKind.EditOriginal:
                var (id, token) = (value("webhook_id"), value("webhook_token"));
                var major = id + "/" + token;
                if (state.Webhook(id) is { } webhook)
                {
                    return new FakeTarget(major, query("thread_id") ?? webhook.ChannelId, [id], webhook, false);
                }

                return id == options.ApplicationId ? new FakeTarget(major, null, [token, id], null, true) : new FakeTarget(major, null, [id], null, false);
            case RouteKind.PutGuildCommands or RouteKind.GetGuildCommands:
                return new FakeTarget(value("application_id"), null, [value("application_id"), value("guild_id")], null, false);
            case RouteKind.PutGlobalCommands or RouteKind.GetGlobalCommands:
                return new FakeTarget(value("application_id"), null, [value("application_id")], null, false);
            default:
                return None;
        }
    }
}
