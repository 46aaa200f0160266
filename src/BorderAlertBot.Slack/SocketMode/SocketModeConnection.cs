using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlertBot.Answers;
using BorderAlertBot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket (platforms/slack.md §6): live after <c>hello</c>; every envelope is acknowledged with its
/// <c>envelope_id</c> — for a slash command with the immediate answer as <c>payload</c> when Slack accepts one — and
/// handled once across all connections; a <c>disconnect</c> says whether to replace the socket, reconnect or stop.
/// Envelopes are handled concurrently, so a slow answer never holds the next envelope past Slack's 3 seconds.
/// </summary>
public sealed partial class SocketModeConnection(
    SlackInboundHandler handler,
    RecentEnvelopes recent,
    DeferredAnswers deferred,
    ILogger logger) : IAsyncDisposable
{
    private const int MaxFrameBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket = new() { Options = { KeepAliveInterval = TimeSpan.FromSeconds(5), KeepAliveTimeout = TimeSpan.FromSeconds(30) } };
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<SocketModeEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;

    /// <summary>Completes when <c>hello</c> has arrived: the socket is live.</summary>
    public Task Hello => _hello.Task;

    /// <summary>Completes at the first sign the connection is ending: a <c>disconnect</c>, a close, or a failure.</summary>
    public Task<SocketModeEnd> Ended => _end.Task;

    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(url, cancellationToken);
        _reading = ReadAsync(cancellationToken);
    }

    /// <summary>Reading goes on until Slack closes the socket (a replaced one still delivers until then).</summary>
    public Task Closed => _reading;

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var frame = new ArrayBufferWriter<byte>();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                frame.Clear();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        _end.TrySetResult(SocketModeEnd.Reconnect);
                        return;
                    }

                    frame.Write(buffer.AsSpan(0, received.Count));
                }
                while (!received.EndOfMessage && frame.WrittenCount <= MaxFrameBytes);

                if (received.MessageType == WebSocketMessageType.Text && received.EndOfMessage)
                {
                    Receive(frame.WrittenSpan, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            Log.Lost(logger, exception.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _end.TrySetResult(SocketModeEnd.Reconnect);
        }
    }

    private void Receive(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        JsonNode? message;
        try
        {
            message = JsonNode.Parse(frame);
        }
        catch (JsonException)
        {
            Log.NotJson(logger);
            return;
        }

        if (message is not JsonObject envelope)
        {
            return;
        }

        var type = envelope["type"]?.GetValueKind() == JsonValueKind.String ? envelope["type"]!.GetValue<string>() : null;
        if (type == "hello")
        {
            _hello.TrySetResult();
            return;
        }

        if (type == "disconnect")
        {
            var reason = envelope["reason"]?.GetValueKind() == JsonValueKind.String ? envelope["reason"]!.GetValue<string>() : string.Empty;
            Log.Disconnect(logger, reason);
            _end.TrySetResult(reason switch
            {
                "warning" or "refresh_requested" => SocketModeEnd.Replace,
                "link_disabled" or "socket_mode_disabled" => SocketModeEnd.Stop,
                _ => SocketModeEnd.Reconnect,
            });
            return;
        }

        if (envelope["envelope_id"]?.GetValueKind() == JsonValueKind.String)
        {
            _ = HandleAsync(envelope, type, cancellationToken);
        }
    }

    private async Task HandleAsync(JsonObject envelope, string? type, CancellationToken cancellationToken)
    {
        var envelopeId = envelope["envelope_id"]!.GetValue<string>();
        try
        {
            if (!recent.TryAdd(envelopeId))
            {
                // Sent again (on this or another socket): acknowledge so Slack stops, but do not act twice.
                await AcknowledgeAsync(envelopeId, null, cancellationToken);
                return;
            }

            var payload = envelope["payload"];
            var reply = type switch
            {
                "slash_commands" when payload is JsonObject fields && SlashCommand.From(Strings(fields)) is { } command => await handler.CommandAsync(command, cancellationToken),
                "interactive" when payload is not null && BlockAction.From(JsonSerializer.SerializeToElement(payload)) is { } action => await handler.ActionAsync(action, cancellationToken),
                _ => SlackReply.Acknowledged(),
            };
            var acceptsPayload = envelope["accepts_response_payload"]?.GetValueKind() == JsonValueKind.True;
            await AcknowledgeAsync(envelopeId, acceptsPayload ? reply.Json : null, cancellationToken);
            if (reply.Then is { } then)
            {
                deferred.Enqueue(then);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception, type ?? "unknown");
        }
    }

    private async Task AcknowledgeAsync(string envelopeId, string? payloadJson, CancellationToken cancellationToken)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payloadJson is not null)
        {
            ack["payload"] = JsonNode.Parse(payloadJson);
        }

        var bytes = Encoding.UTF8.GetBytes(ack.ToJsonString());
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>A slash command's payload is the form fields as a JSON object of strings.</summary>
    private static Dictionary<string, string> Strings(JsonObject fields) =>
        fields.Where(field => field.Value?.GetValueKind() == JsonValueKind.String)
            .ToDictionary(field => field.Key, field => field.Value!.GetValue<string>(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Closing a socket that is going away anyway.
            }
        }

        _socket.Abort();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already logged by the reader.
        }

        _socket.Dispose();
        _sending.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(11, LogLevel.Information, "Slack Socket Mode connection lost: {Reason}")]
        public static partial void Lost(ILogger logger, string reason);

        [LoggerMessage(12, LogLevel.Warning, "Slack Socket Mode sent a frame that is not JSON")]
        public static partial void NotJson(ILogger logger);

        [LoggerMessage(13, LogLevel.Information, "Slack Socket Mode asked to disconnect: {Reason}")]
        public static partial void Disconnect(ILogger logger, string reason);

        [LoggerMessage(14, LogLevel.Error, "Handling a Slack Socket Mode envelope of type {Type} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string type);
    }
}
