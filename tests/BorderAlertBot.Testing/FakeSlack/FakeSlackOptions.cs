namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// How a <see cref="FakeSlackServer"/> behaves. The defaults follow platforms/slack.md (§0, §5); every limit can be
/// lowered with <c>with</c> so a test reaches it in a few requests.
/// </summary>
public sealed record FakeSlackOptions
{
    /// <summary>The bot token, <c>xoxb-…</c>, that every Web API method except <c>apps.connections.open</c> demands (§3).</summary>
    public required string BotToken { get; init; }

    /// <summary>The app-level token, <c>xapp-…</c>, that <c>apps.connections.open</c> demands in the header (§6).</summary>
    public string AppToken { get; init; } = "xapp-1-A0FAKE001-fake-app-token";

    public string TeamId { get; init; } = "T0FAKE001";

    public string AppId { get; init; } = "A0FAKE001";

    /// <summary>The bot's user id, reported as the author of its messages.</summary>
    public string BotUserId { get; init; } = "U0FAKEBOT";

    /// <summary>
    /// The clock for every rate-limit window, message <c>ts</c>, <c>response_url</c> lifetime, log time and
    /// <see cref="FakeSlackServer.Delay"/>. Tests pass a <c>FakeTimeProvider</c>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>chat.postMessage per channel: one message per this interval ("about 1 message/s per channel", §5).</summary>
    public TimeSpan ChannelPostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many chat.postMessage calls a quiet channel takes at once ("short bursts OK", §0).</summary>
    public int ChannelPostBurst { get; init; } = 3;

    /// <summary>chat.postMessage across the workspace per minute ("several hundred per minute", §0).</summary>
    public int WorkspacePostsPerMinute { get; init; } = 300;

    /// <summary>Incoming-webhook posts: one per this interval per webhook, with <see cref="WebhookBurst"/> at once (§7).</summary>
    public TimeSpan WebhookInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int WebhookBurst { get; init; } = 3;

    /// <summary>
    /// Tier 1 calls per minute per method (§0 says "1+"). The default is above the floor so a Socket Mode client can
    /// reconnect a few times within a test minute; set it to 1 to test the floor.
    /// </summary>
    public int Tier1PerMinute { get; init; } = 5;

    /// <summary>Tier 2 calls per minute per method ("20+").</summary>
    public int Tier2PerMinute { get; init; } = 20;

    /// <summary>Tier 3 calls per minute per method ("50+"), e.g. chat.update.</summary>
    public int Tier3PerMinute { get; init; } = 50;

    /// <summary>Tier 4 calls per minute per method ("100+"), e.g. files.* and users.info.</summary>
    public int Tier4PerMinute { get; init; } = 100;

    /// <summary>Socket Mode connections open at once (10 per app, §0); one more gets <c>disconnect</c> <c>too_many_websockets</c>.</summary>
    public int MaxSocketConnections { get; init; } = 10;

    /// <summary>How often a <c>response_url</c> works (5 times, §1).</summary>
    public int ResponseUrlUses { get; init; } = 5;

    /// <summary>How long a <c>response_url</c> works (30 minutes, §1).</summary>
    public TimeSpan ResponseUrlLifetime { get; init; } = TimeSpan.FromMinutes(30);
}
