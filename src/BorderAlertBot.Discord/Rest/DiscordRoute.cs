namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// One REST call as the rate limiter sees it (platforms/discord.md §4): the route template a bucket is learned for, the
/// major parameter (channel, webhook or application) a bucket is per, and the path to call.
/// </summary>
/// <param name="Template">Method and path with the ids left out, such as <c>POST /channels/{channel}/messages</c>.</param>
/// <param name="Major">The top-level resource's id: buckets are per route and major parameter.</param>
/// <param name="UsesBotToken">Sent with <c>Authorization: Bot</c>; such calls count toward the bot's global 50 per second.
/// Webhook executes and interaction follow-ups carry their own token in the path and are exempt.</param>
public sealed record DiscordRoute(HttpMethod Method, string Template, string Major, string Path, bool UsesBotToken = true)
{
    public string BucketKey(string? hash) => $"{hash ?? Template}:{Major}";
}
