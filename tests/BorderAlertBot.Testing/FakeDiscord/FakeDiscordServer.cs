using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like Discord's REST API v10 (platforms/discord.md) for the endpoints the
/// bot calls: create and edit message, start a thread from a message, execute and edit webhook messages, interaction
/// <c>@original</c> edits and follow-ups, bulk overwrite of global and guild commands, and the bot's own user
/// (<c>GET /users/@me</c>, to check the token). It enforces what Discord
/// enforces: the bot token and a DiscordBot User-Agent (§0), the Content-Type (§0), the message and embed limits, nonces
/// and attachments (§3), command rules (§2), per-route buckets with their X-RateLimit headers, the global limit and 429
/// bodies (§4). Point <c>Discord:ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>. Thread-safe.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeDiscordOptions _options;
    private readonly FakeDiscordState _state;
    private readonly FakeDiscordLimits _limits;
    private readonly FakeDiscordFaults _faults = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConditionWaiters<FakeDiscordServer> _waiters;

    private FakeDiscordServer(WebApplication app, FakeDiscordOptions options)
    {
        _waiters = new ConditionWaiters<FakeDiscordServer>(this);
        _app = app;
        _options = options;
        _state = new FakeDiscordState(options);
        _limits = new FakeDiscordLimits(options);
        FakeDiscordRoutes.Map(app, new RequestPipeline(options, _state, _limits, _faults, _waiters.Check, _stopping.Token));
    }

    /// <summary>The API root to point the bot at, e.g. <c>http://127.0.0.1:PORT/api/v10</c> (no trailing slash).</summary>
    public Uri ApiBaseUrl { get; private set; } = null!; // Set by StartAsync before the server is handed out.

    public FakeDiscordOptions Options => _options;

    /// <summary>Starts Kestrel on a free port of 127.0.0.1.</summary>
    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.BotToken);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");

        // Room to answer an upload over Discord's 25 MiB with Discord's 413 rather than Kestrel's.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 2 * RequestBodyReader.MaxRequestBytes);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new FakeDiscordServer(app, options);
        await app.StartAsync(cancellationToken);
        server.ApiBaseUrl = new Uri(app.Urls.First().TrimEnd('/') + FakeDiscordRoutes.Prefix);
        return server;
    }

    /// <summary>
    /// Creates a webhook on <paramref name="channelId"/> (as <c>POST /channels/{id}/webhooks</c> would, §3) and returns its
    /// URL, <c>{ApiBaseUrl}/webhooks/{id}/{token}</c>. Its messages appear in <see cref="Messages"/> of that channel.
    /// </summary>
    public string AddWebhook(string channelId)
    {
        lock (_state.Gate)
        {
            var webhook = _state.AddWebhook(channelId);
            return $"{ApiBaseUrl}/webhooks/{webhook.Id}/{webhook.Token}";
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> requests whose major resource is <paramref name="channelOrWebhookId"/> (a channel or
    /// thread id, a webhook id, an interaction token, or an application or guild id on command routes) get
    /// <paramref name="status"/> with <c>{"code", "message"}</c>, e.g. 403/50013 Missing Permissions, 403/50001 Missing
    /// Access, 404/10003 Unknown Channel, 401/40001, 500/0 or 502 (§5). The request counts against its bucket first, as on
    /// Discord; a webhook's requests do not match its channel id.
    /// </summary>
    public void FailNext(string channelOrWebhookId, int status, int code, string message, int times = 1)
    {
        lock (_state.Gate)
        {
            _faults.FailNext(channelOrWebhookId, status, code, message, times);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> requests, to any route, get an IP ban (§4, api-docs#5810): 429 with no
    /// X-RateLimit headers, no Retry-After and <c>{"code":0,"message":"You are being blocked…"}</c>.
    /// </summary>
    public void FailNextHeaderless429(int times = 1)
    {
        lock (_state.Gate)
        {
            _faults.FailNextHeaderless429(times);
        }
    }

    /// <summary>
    /// An outage: until <see cref="EndOutage"/>, every request, to any route, is answered with <paramref name="status"/>
    /// (503 or 502, §5) and carried out not at all. The requests are still recorded.
    /// </summary>
    public void BeginOutage(int status = 503)
    {
        lock (_state.Gate)
        {
            _faults.OutageStatus = status;
        }
    }

    public void EndOutage()
    {
        lock (_state.Gate)
        {
            _faults.OutageStatus = null;
        }
    }

    /// <summary>
    /// A channel-wide write limit the bucket headers do not show (§4, api-docs#5312): beyond <paramref name="count"/>
    /// writes (creates, edits, threads, webhook messages) per fixed <paramref name="window"/>, 429 with
    /// <c>X-RateLimit-Scope: shared</c> and code 20028.
    /// </summary>
    public void HiddenLimit(string channelId, int count, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_state.Gate)
        {
            _limits.SetHidden(channelId, count, window);
        }
    }

    /// <summary>
    /// Responses for <paramref name="channelId"/> (its channel routes and the webhooks posting into it) wait
    /// <paramref name="delay"/> on the options' clock before they are written; the request has already been carried out.
    /// <see cref="TimeSpan.Zero"/> removes the delay.
    /// </summary>
    public void Delay(string channelId, TimeSpan delay)
    {
        lock (_state.Gate)
        {
            _faults.Delay(channelId, delay);
        }
    }

    /// <summary>Every request received, in the order handled, with the status answered.</summary>
    public IReadOnlyList<FakeDiscordRequest> Received => Locked(() => _state.Received);

    /// <summary>How many requests were received; cheaper than <see cref="Received"/> in a condition checked after every request.</summary>
    public int ReceivedCount => Locked(() => _state.ReceivedCount);

    /// <summary>The channel's (or thread's) messages as they now stand, in the order posted.</summary>
    public IReadOnlyList<FakeDiscordMessage> Messages(string channelId) => Locked(() => _state.MessagesIn(channelId));

    /// <summary>The threads started, with the message each was started from.</summary>
    public IReadOnlyList<FakeDiscordThread> Threads => Locked(() => _state.Threads);

    /// <summary>The interaction's original response as last edited through <c>@original</c>, or null if it never was.</summary>
    public FakeDiscordMessage? OriginalResponse(string interactionToken) => Locked(() => _state.TryGetInteraction(interactionToken)?.Original);

    /// <summary>The interaction's follow-up messages as they now stand.</summary>
    public IReadOnlyList<FakeDiscordMessage> FollowUps(string interactionToken) =>
        Locked<IReadOnlyList<FakeDiscordMessage>>(() => _state.TryGetInteraction(interactionToken)?.FollowUps.ToArray() ?? []);

    /// <summary>The commands last stored by a bulk overwrite, global ones or those of <paramref name="guildId"/>, as returned.</summary>
    public IReadOnlyList<JsonElement> Commands(string? guildId = null) => Locked(() => _state.Commands(guildId ?? FakeDiscordState.GlobalCommandScope));

    /// <summary>How many bulk overwrites of the global commands (or of <paramref name="guildId"/>'s) succeeded.</summary>
    public int CommandRegistrations(string? guildId = null) => Locked(() => _state.Registrations(guildId ?? FakeDiscordState.GlobalCommandScope));

    /// <summary>How many creates returned an earlier message because of <c>enforce_nonce</c> (§3).</summary>
    public int NonceHits => Locked(() => _state.NonceHits);

    /// <summary>Every 429 sent, whatever the cause.</summary>
    public int TooManyRequestsSent => Locked(() => _limits.TooManyRequestsSent);

    /// <summary>The 429s sent, by cause; kinds never sent are absent.</summary>
    public IReadOnlyDictionary<TooManyRequestsKind, int> TooManyRequestsByKind => Locked(() => _limits.TooManyRequestsByKind);

    /// <summary>
    /// The responses Discord counts toward its invalid-request IP ban (10,000 per 10 minutes, §4) sent in the last ten
    /// minutes of the options' clock: 401, 403 and 429 except scope <c>shared</c>.
    /// </summary>
    public int InvalidRequests => Locked(() => _limits.InvalidRequests(_options.TimeProvider.GetUtcNow()));

    /// <summary>Completes once <paramref name="condition"/> holds; checked now and after every request.</summary>
    public Task WhenAsync(Func<FakeDiscordServer, bool> condition, CancellationToken cancellationToken = default) =>
        _waiters.WhenAsync(condition, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_state.Gate)
        {
            return read();
        }
    }
}
