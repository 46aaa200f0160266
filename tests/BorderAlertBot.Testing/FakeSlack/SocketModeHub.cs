using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// The Socket Mode side (§6): single-use tickets from apps.connections.open, the WebSocket endpoint that sends
/// <c>hello</c>, envelopes pushed by the test, acks received, <c>disconnect</c> frames and the open connections.
/// </summary>
internal sealed class SocketModeHub(FakeSlackOptions options, Action stateChanged, CancellationToken stopping)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Socket> _open = new(StringComparer.Ordinal);
    private readonly List<FakeSlackConnection> _connections = [];
    private readonly List<FakeSlackAck> _acks = [];
    private readonly Dictionary<string, FakeSlackEnvelope> _sent = new(StringComparer.Ordinal);
    private readonly List<string> _rejected = [];
    private int _ids;

    public IReadOnlyList<FakeSlackConnection> Connections => Locked(() => (IReadOnlyList<FakeSlackConnection>)[.. _connections]);

    public IReadOnlyList<FakeSlackConnection> OpenConnections => Locked(() => (IReadOnlyList<FakeSlackConnection>)[.. _connections.Where(c => c.IsOpen)]);

    public IReadOnlyList<FakeSlackAck> Acks => Locked(() => (IReadOnlyList<FakeSlackAck>)[.. _acks]);

    /// <summary>Connection attempts refused: an unknown or used ticket.</summary>
    public int RejectedConnections => Locked(() => _rejected.Count);

    public string OpenTicket(DateTimeOffset now)
    {
        var ticket = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            _tickets.Add(ticket);
        }

        return ticket;
    }

    public async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        bool isValid;
        lock (_gate)
        {
            isValid = _tickets.Remove(ticket);
            if (!isValid || !context.WebSockets.IsWebSocketRequest)
            {
                _rejected.Add(ticket);
            }
        }

        if (!isValid || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = isValid ? 400 : 401;
            stateChanged();
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var now = options.TimeProvider.GetUtcNow();
        Socket socket;
        int count;
        lock (_gate)
        {
            socket = new Socket("conn-" + (++_ids).ToString(CultureInfo.InvariantCulture), webSocket);
            count = _open.Count + 1;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (count > options.MaxSocketConnections)
            {
                await socket.SendAsync(Disconnect(FakeSlackDisconnectReason.TooManyWebsockets), aborted.Token);
                await webSocket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too many websockets", aborted.Token);
                return;
            }

            await socket.SendAsync(Hello(count, now), aborted.Token);
            lock (_gate)
            {
                _open[socket.Id] = socket;
                _connections.Add(new FakeSlackConnection(socket.Id, now));
            }

            stateChanged();
            await ReceiveAsync(socket, aborted.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The bot went away or the server is stopping.
        }
        finally
        {
            Closed(socket.Id);
        }
    }

    public async Task SendAsync(FakeSlackEnvelope envelope, string? connectionId, CancellationToken cancellationToken)
    {
        var socket = Pick(connectionId);
        lock (_gate)
        {
            _sent[envelope.EnvelopeId] = envelope;
        }

        await socket.SendAsync(envelope.ToWire(), cancellationToken);
    }

    public async Task BroadcastAsync(FakeSlackEnvelope envelope, CancellationToken cancellationToken)
    {
        Socket[] sockets;
        lock (_gate)
        {
            _sent[envelope.EnvelopeId] = envelope;
            sockets = [.. _open.Values];
        }

        foreach (var socket in sockets)
        {
            await socket.SendAsync(envelope.ToWire(), cancellationToken);
        }
    }

    /// <summary>Sends an envelope sent before again, with <c>retry_attempt</c> one higher, as Slack does when no ack came.</summary>
    public async Task<FakeSlackEnvelope> RedeliverAsync(string envelopeId, string? connectionId, string retryReason, CancellationToken cancellationToken)
    {
        FakeSlackEnvelope again;
        lock (_gate)
        {
            var earlier = _sent.GetValueOrDefault(envelopeId) ?? throw new InvalidOperationException($"No envelope {envelopeId} was sent.");
            again = earlier with { RetryAttempt = earlier.RetryAttempt + 1, RetryReason = retryReason };
        }

        await SendAsync(again, connectionId, cancellationToken);
        return again;
    }

    public Task DisconnectAsync(string connectionId, string reason, CancellationToken cancellationToken) =>
        Pick(connectionId).SendAsync(Disconnect(reason), cancellationToken);

    public async Task CloseAsync(string connectionId, CancellationToken cancellationToken)
    {
        var socket = Pick(connectionId);
        await socket.CloseAsync(cancellationToken);
        Closed(connectionId);
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.WebSocket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(cancellationToken);
                return;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(frame.ToArray());
            frame.SetLength(0);
            Received(socket.Id, text);
        }
    }

    private void Received(string connectionId, string text)
    {
        JsonElement frame;
        try
        {
            frame = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        if (frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            JsonElement? payload = frame.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p : null;
            lock (_gate)
            {
                _acks.Add(new FakeSlackAck(connectionId, id.GetString()!, payload, options.TimeProvider.GetUtcNow())); // Checked to be a string.
            }

            stateChanged();
        }
    }

    private void Closed(string connectionId)
    {
        var isChanged = false;
        lock (_gate)
        {
            if (_open.Remove(connectionId))
            {
                var index = _connections.FindIndex(c => c.Id == connectionId);
                _connections[index] = _connections[index] with { ClosedAt = options.TimeProvider.GetUtcNow() };
                isChanged = true;
            }
        }

        if (isChanged)
        {
            stateChanged();
        }
    }

    private Socket Pick(string? connectionId)
    {
        lock (_gate)
        {
            if (connectionId is null)
            {
                return _open.Values.FirstOrDefault() ?? throw new InvalidOperationException("No Socket Mode connection is open.");
            }

            return _open.GetValueOrDefault(connectionId) ?? throw new InvalidOperationException($"Connection {connectionId} is not open.");
        }
    }

    private string Hello(int count, DateTimeOffset now) => new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = count,
        ["connection_info"] = new JsonObject { ["app_id"] = options.AppId },
        ["debug_info"] = new JsonObject
        {
            ["host"] = "applink-fake-1",
            ["started"] = now.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            ["build_number"] = 1,
            ["approximate_connection_time"] = 3600,
        },
    }.ToJsonString();

    private static string Disconnect(string reason) => new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "wss-fake-1" },
    }.ToJsonString();

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private sealed class Socket(string id, WebSocket webSocket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public string Id { get; } = id;

        public WebSocket WebSocket { get; } = webSocket;

        public async Task SendAsync(string text, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await WebSocket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                if (WebSocket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await WebSocket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
