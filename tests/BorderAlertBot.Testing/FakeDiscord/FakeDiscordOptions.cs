namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// How a <see cref="FakeDiscordServer"/> behaves. The defaults are what Discord reports or is observed to do
/// (platforms/discord.md §4); every limit can be lowered so a test reaches it in a few requests.
/// </summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The bot token every bot-authenticated route demands as <c>Authorization: Bot &lt;token&gt;</c> (§0).</summary>
    public required string BotToken { get; set; }

    /// <summary>The application id: command routes must name it, and interaction follow-ups use it as their webhook id (§1.4, §2).</summary>
    public string ApplicationId { get; set; } = "1300000000000000001";

    /// <summary>
    /// The clock for every rate-limit window, reset time, message timestamp, snowflake, nonce window and token lifetime,
    /// and for <see cref="FakeDiscordServer.Delay"/>. Tests pass a <c>FakeTimeProvider</c>; a benchmark passes <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Requests per <see cref="MessageWindow"/> per channel on each message route (Discord reports 5 per ~5 s for create message, §4).</summary>
    public int MessageLimit { get; set; } = 5;

    /// <summary>The fixed window of <see cref="MessageLimit"/>.</summary>
    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per <see cref="WebhookWindow"/> per webhook id + token on each webhook route (observed ~5 per 2 s, §4).</summary>
    public int WebhookLimit { get; set; } = 5;

    /// <summary>The fixed window of <see cref="WebhookLimit"/>.</summary>
    public TimeSpan WebhookWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bot-authenticated requests allowed in any one second, across all routes (50 per bot, §4). Webhook executes and
    /// interaction follow-ups are exempt.
    /// </summary>
    public int GlobalLimit { get; set; } = 50;

    /// <summary>
    /// Requests per <see cref="CommandWindow"/> per application on each command route. Discord publishes no figure; this
    /// one is the fake's own and only has to be low enough to notice a bot that re-registers in a loop.
    /// </summary>
    public int CommandLimit { get; set; } = 5;

    /// <summary>The fixed window of <see cref="CommandLimit"/>.</summary>
    public TimeSpan CommandWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a nonce sent with <c>enforce_nonce: true</c> keeps returning the first message ("the past few minutes", §3).</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an interaction token works (15 minutes, §1.4), counted from the first request that used it, since the fake
    /// never sees the interaction itself.
    /// </summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The <c>channel_id</c> the fake reports on interaction responses and follow-ups (it never learns the real one).</summary>
    public string InteractionChannelId { get; set; } = "1200000000000000001";
}
