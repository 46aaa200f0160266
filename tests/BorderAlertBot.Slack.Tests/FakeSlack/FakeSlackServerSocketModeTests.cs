using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Testing.FakeSlack;
using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerSocketModeTests
{
    [Fact]
    public async Task A_connection_opened_with_a_fresh_url_gets_hello_first()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var socket = await ConnectAsync(slack);
        var hello = await ReceiveAsync(socket);

        // Assert
        Assert.Equal("hello", hello.GetProperty("type").GetString());
        Assert.Equal(1, hello.GetProperty("num_connections").GetInt32());
        Assert.Equal("A0FAKE001", hello.GetProperty("connection_info").GetProperty("app_id").GetString());
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 1, Soon);
    }

    [Fact]
    public async Task A_url_works_only_once()
    {
        // Arrange
        await using var slack = await StartAsync();
        var url = await OpenUrlAsync(slack);
        using var first = new ClientWebSocket();
        await first.ConnectAsync(url, Soon);

        // Act
        using var second = new ClientWebSocket();
        var refused = await Record.ExceptionAsync(() => second.ConnectAsync(url, Soon));

        // Assert
        Assert.IsType<WebSocketException>(refused);
        Assert.Equal(1, slack.Server.RejectedConnections);
    }

    [Fact]
    public async Task An_envelope_is_delivered_and_its_ack_with_payload_recorded()
    {
        // Arrange
        await using var slack = await StartAsync();
        using var socket = await ConnectAsync(slack);
        await ReceiveAsync(socket);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 1, Soon);
        var envelope = FakeSlackEnvelope.SlashCommand(new SlackSlashCommand { Text = "status" });

        // Act
        await slack.Server.SendEnvelopeAsync(envelope, null, Soon);
        var received = await ReceiveAsync(socket);
        await SendAsync(socket, $$$"""{"envelope_id":"{{{envelope.EnvelopeId}}}","payload":{"response_type":"ephemeral","text":"3 alerts firing"}}""");
        await slack.Server.WhenAsync(s => s.Acks.Count == 1, Soon);

        // Assert
        Assert.Equal(envelope.EnvelopeId, received.GetProperty("envelope_id").GetString());
        Assert.Equal("slash_commands", received.GetProperty("type").GetString());
        Assert.True(received.GetProperty("accepts_response_payload").GetBoolean());
        Assert.Equal(0, received.GetProperty("retry_attempt").GetInt32());
        Assert.Equal("status", received.GetProperty("payload").GetProperty("text").GetString());
        var ack = Assert.Single(slack.Server.Acks);
        Assert.Equal(envelope.EnvelopeId, ack.EnvelopeId);
        Assert.Equal("3 alerts firing", ack.Payload!.Value.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_envelope_can_be_sent_again_on_another_connection_with_a_higher_retry_attempt()
    {
        // Arrange
        await using var slack = await StartAsync();
        using var one = await ConnectAsync(slack);
        await ReceiveAsync(one);
        using var two = await ConnectAsync(slack);
        var secondHello = await ReceiveAsync(two);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 2, Soon);
        var ids = slack.Server.OpenConnections.Select(c => c.Id).ToArray();
        var envelope = FakeSlackEnvelope.Interactive(new SlackBlockActions { ActionId = "why" });

        // Act
        await slack.Server.SendEnvelopeAsync(envelope, ids[0], Soon);
        var first = await ReceiveAsync(one);
        var again = await slack.Server.RedeliverAsync(envelope.EnvelopeId, ids[1], Soon);
        var second = await ReceiveAsync(two);

        // Assert
        Assert.Equal(2, secondHello.GetProperty("num_connections").GetInt32());
        Assert.Equal(first.GetProperty("envelope_id").GetString(), second.GetProperty("envelope_id").GetString());
        Assert.Equal("interactive", second.GetProperty("type").GetString());
        Assert.Equal(1, second.GetProperty("retry_attempt").GetInt32());
        Assert.Equal(1, again.RetryAttempt);
    }

    [Fact]
    public async Task A_broadcast_reaches_every_open_connection()
    {
        // Arrange
        await using var slack = await StartAsync();
        using var one = await ConnectAsync(slack);
        await ReceiveAsync(one);
        using var two = await ConnectAsync(slack);
        await ReceiveAsync(two);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 2, Soon);

        // Act
        await slack.Server.BroadcastEnvelopeAsync(FakeSlackEnvelope.SlashCommand(new SlackSlashCommand()), Soon);

        // Assert
        Assert.Equal("slash_commands", (await ReceiveAsync(one)).GetProperty("type").GetString());
        Assert.Equal("slash_commands", (await ReceiveAsync(two)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(FakeSlackDisconnectReason.Warning)]
    [InlineData(FakeSlackDisconnectReason.RefreshRequested)]
    [InlineData(FakeSlackDisconnectReason.LinkDisabled)]
    public async Task A_disconnect_frame_carries_its_reason_and_closing_is_tracked(string reason)
    {
        // Arrange
        await using var slack = await StartAsync();
        using var socket = await ConnectAsync(slack);
        await ReceiveAsync(socket);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 1, Soon);
        var id = slack.Server.OpenConnections[0].Id;

        // Act
        await slack.Server.DisconnectAsync(id, reason, Soon);
        var frame = await ReceiveAsync(socket);
        await slack.Server.CloseConnectionAsync(id, Soon);

        // Assert
        Assert.Equal("disconnect", frame.GetProperty("type").GetString());
        Assert.Equal(reason, frame.GetProperty("reason").GetString());
        Assert.Empty(slack.Server.OpenConnections);
        Assert.False(Assert.Single(slack.Server.Connections).IsOpen);
    }

    [Fact]
    public async Task A_connection_the_bot_closes_is_no_longer_open()
    {
        // Arrange
        await using var slack = await StartAsync();
        using var socket = await ConnectAsync(slack);
        await ReceiveAsync(socket);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 1, Soon);

        // Act
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Soon);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 0, Soon);

        // Assert
        Assert.Single(slack.Server.Connections);
    }

    [Fact]
    public async Task A_connection_over_the_cap_is_told_too_many_websockets()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { MaxSocketConnections = 1 });
        using var one = await ConnectAsync(slack);
        await ReceiveAsync(one);
        await slack.Server.WhenAsync(s => s.OpenConnections.Count == 1, Soon);

        // Act
        using var two = await ConnectAsync(slack);
        var frame = await ReceiveAsync(two);

        // Assert
        Assert.Equal("disconnect", frame.GetProperty("type").GetString());
        Assert.Equal(FakeSlackDisconnectReason.TooManyWebsockets, frame.GetProperty("reason").GetString());
    }

    private static async Task<Uri> OpenUrlAsync(FakeSlackHarness slack)
    {
        using var response = await slack.CallFormAsync("apps.connections.open", [], AppToken);
        return new Uri((await ReadJsonAsync(response)).GetProperty("url").GetString()!);
    }

    private static async Task<ClientWebSocket> ConnectAsync(FakeSlackHarness slack)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(await OpenUrlAsync(slack), Soon);
        return socket;
    }

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Soon);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray()));
        return document.RootElement.Clone();
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, Soon);
}
