using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like Slack (platforms/slack.md) for what the bot uses: the Web API
/// methods chat.postMessage, chat.update, files.getUploadURLExternal (with its upload URL),
/// files.completeUploadExternal, users.info, auth.test and apps.connections.open (§3, §6); incoming webhooks (§7);
/// <c>response_url</c>s (§1); and the Socket Mode WebSocket (§6). It enforces the bearer token, the Block Kit limits
/// (§4), the posting and tier limits with 429 + Retry-After (§5), and fails on demand. Point <c>Slack:ApiBaseUrl</c>
/// at <see cref="ApiBaseUrl"/>. Thread-safe.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeSlackState _state;
    private readonly SlackRateLimits _limits;
    private readonly SlackFaults _faults = new();
    private readonly SocketModeHub _sockets;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConditionWaiters<FakeSlackServer> _waiters;
    private Uri _root = null!; // Set by StartAsync before the server is handed out.

    private FakeSlackServer(WebApplication app, FakeSlackOptions options)
    {
        _waiters = new ConditionWaiters<FakeSlackServer>(this);
        _app = app;
        Options = options;
        _state = new FakeSlackState(options);
        _limits = new SlackRateLimits(options);
        _sockets = new SocketModeHub(options, _waiters.Check, _stopping.Token);
        var api = new WebApiHandlers(options, _state, () => _root, _sockets.OpenTicket);
        var pipeline = new SlackRequestPipeline(options, _state, _limits, _faults, api, _waiters.Check, _stopping.Token);
        app.UseWebSockets();
        app.MapPost("/api/{method}", pipeline.WebApiAsync);
        app.MapPost("/upload/v1/{key}", pipeline.UploadAsync);
        app.MapPost("/services/{team}/{bot}/{secret}", pipeline.WebhookAsync);
        app.MapPost("/commands/{team}/{id}/{secret}", pipeline.ResponseUrlAsync);
        app.Map("/link", _sockets.AcceptAsync);
        app.MapFallback(pipeline.UnknownAsync);
    }

    /// <summary>The Web API root, <c>http://127.0.0.1:PORT/api/</c> (with the trailing slash): append the method name.</summary>
    public Uri ApiBaseUrl => new(_root, "api/");

    public FakeSlackOptions Options { get; }

    /// <summary>Starts Kestrel on a free port of 127.0.0.1.</summary>
    public static async Task<FakeSlackServer> StartAsync(FakeSlackOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.BotToken);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        var app = builder.Build();
        var server = new FakeSlackServer(app, options);
        await app.StartAsync(cancellationToken);
        server._root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Registers an incoming webhook for <paramref name="channel"/> and returns its URL, <c>…/services/T…/B…/secret</c>.</summary>
    public Uri AddWebhook(string channel)
    {
        lock (_state.Gate)
        {
            var webhook = _state.AddWebhook(channel);
            return new Uri(_root, $"services/{Options.TeamId}/{webhook.Id}/{webhook.Secret}");
        }
    }

    /// <summary>Revokes a webhook: it answers 404 <c>no_service</c> from now on.</summary>
    public void RemoveWebhook(Uri webhookUrl)
    {
        lock (_state.Gate)
        {
            _state.RemoveWebhook(webhookUrl.Segments[^2].TrimEnd('/'));
        }
    }

    /// <summary>
    /// A <c>response_url</c> for a slash command or interaction in <paramref name="channel"/>, to put in the payload;
    /// <paramref name="messageTs"/> is the message an interaction came from (what <c>replace_original</c> edits).
    /// </summary>
    public Uri NewResponseUrl(string channel, string? messageTs = null)
    {
        lock (_state.Gate)
        {
            var url = _state.AddResponseUrl(channel, messageTs, Options.TimeProvider.GetUtcNow());
            return new Uri(_root, $"commands/{Options.TeamId}/{url.Id}/{url.Secret}");
        }
    }

    /// <summary>Adds (or replaces) a member that users.info reports; unknown users get <c>user_not_found</c>.</summary>
    public void AddUser(FakeSlackUser user)
    {
        lock (_state.Gate)
        {
            _state.AddUser(user);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> requests for <paramref name="key"/> (a Web API method such as
    /// <c>chat.postMessage</c>, a channel id, a webhook id, or <c>*</c> for every request) get
    /// <c>{"ok":false,"error":<paramref name="error"/>}</c> (e.g. channel_not_found, not_in_channel, is_archived,
    /// invalid_auth, token_revoked, account_inactive, invalid_blocks, internal_error, fatal_error); a webhook gets the
    /// text code with 400, 403 or 404. Limits are counted first, as on Slack.
    /// </summary>
    public void FailNext(string key, string error, int times = 1) => Locked(() => _faults.Add(key, error, null, null, times));

    /// <summary>The next <paramref name="times"/> requests for <paramref name="key"/> get HTTP <paramref name="status"/> (a 5xx outage).</summary>
    public void FailNextWithStatus(string key, int status, int times = 1) => Locked(() => _faults.Add(key, null, status, null, times));

    /// <summary>The next <paramref name="times"/> requests for <paramref name="key"/> get 429 with this Retry-After.</summary>
    public void FailNextRateLimited(string key, TimeSpan retryAfter, int times = 1) => Locked(() => _faults.Add(key, null, null, retryAfter, times));

    /// <summary>Answers for <paramref name="key"/> wait <paramref name="delay"/> on the options' clock; <see cref="TimeSpan.Zero"/> removes it.</summary>
    public void Delay(string key, TimeSpan delay) => Locked(() => _faults.Delay(key, delay));

    public void ClearFaults() => Locked(_faults.Clear);

    /// <summary>Every HTTP request received, in the order handled.</summary>
    public IReadOnlyList<FakeSlackRequest> Received => Locked(() => _state.Received);

    public int ReceivedCount => Locked(() => _state.ReceivedCount);

    /// <summary>The channel's messages as they now stand, thread replies included, in the order posted.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string channel) => Locked(() => _state.MessagesIn(channel));

    /// <summary>The replies in the thread of <paramref name="threadTs"/>, in order.</summary>
    public IReadOnlyList<FakeSlackMessage> Replies(string channel, string threadTs) =>
        Locked(() => (IReadOnlyList<FakeSlackMessage>)[.. _state.MessagesIn(channel).Where(m => m.IsThreadReply && m.ThreadTs == threadTs)]);

    public FakeSlackMessage? TryGetMessage(string channel, string ts) => Locked(() => _state.Find(channel, ts));

    /// <summary>Completed uploads, with their bytes.</summary>
    public IReadOnlyList<FakeSlackFile> Files => Locked(() => _state.Files);

    /// <summary>What was posted to the response URLs handed out.</summary>
    public IReadOnlyList<FakeSlackResponsePost> ResponsePosts => Locked(() => _state.ResponsePosts);

    /// <summary>Every 429 sent, whatever the cause.</summary>
    public int TooManyRequestsSent => Locked(() => _limits.TooManyRequestsSent);

    /// <summary>The 429s sent, by cause; causes never seen are absent.</summary>
    public IReadOnlyDictionary<FakeSlackLimitKind, int> TooManyRequestsByKind => Locked(() => _limits.TooManyRequestsByKind);

    /// <summary>Socket Mode connections ever opened (after <c>hello</c>), closed ones included.</summary>
    public IReadOnlyList<FakeSlackConnection> Connections => _sockets.Connections;

    public IReadOnlyList<FakeSlackConnection> OpenConnections => _sockets.OpenConnections;

    /// <summary>Connection attempts with an unknown or used ticket.</summary>
    public int RejectedConnections => _sockets.RejectedConnections;

    /// <summary>Acks received over the sockets, in order.</summary>
    public IReadOnlyList<FakeSlackAck> Acks => _sockets.Acks;

    /// <summary>Sends <paramref name="envelope"/> on one connection (the oldest open one when <paramref name="connectionId"/> is null).</summary>
    public Task SendEnvelopeAsync(FakeSlackEnvelope envelope, string? connectionId, CancellationToken cancellationToken) =>
        _sockets.SendAsync(envelope, connectionId, cancellationToken);

    /// <summary>Sends <paramref name="envelope"/> on every open connection.</summary>
    public Task BroadcastEnvelopeAsync(FakeSlackEnvelope envelope, CancellationToken cancellationToken) =>
        _sockets.BroadcastAsync(envelope, cancellationToken);

    /// <summary>Sends an envelope already sent once more, on <paramref name="connectionId"/>, with <c>retry_attempt</c> + 1.</summary>
    public Task<FakeSlackEnvelope> RedeliverAsync(string envelopeId, string? connectionId, CancellationToken cancellationToken) =>
        _sockets.RedeliverAsync(envelopeId, connectionId, "timeout", cancellationToken);

    /// <summary>Sends a <c>disconnect</c> frame (see <see cref="FakeSlackDisconnectReason"/>); the socket stays open until closed.</summary>
    public Task DisconnectAsync(string connectionId, string reason, CancellationToken cancellationToken) =>
        _sockets.DisconnectAsync(connectionId, reason, cancellationToken);

    /// <summary>Closes a connection from Slack's side.</summary>
    public Task CloseConnectionAsync(string connectionId, CancellationToken cancellationToken) =>
        _sockets.CloseAsync(connectionId, cancellationToken);

    /// <summary>Completes once <paramref name="condition"/> holds; checked now and after every request, connection and ack.</summary>
    public Task WhenAsync(Func<FakeSlackServer, bool> condition, CancellationToken cancellationToken) =>
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

    private void Locked(Action write)
    {
        lock (_state.Gate)
        {
            write();
        }
    }
}
