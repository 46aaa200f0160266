using BorderAlertBot.Abstractions;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Support;
using BorderAlertBot.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BorderAlertBot.Tests.Slack;

/// <summary>The bot's Socket Mode connection against the fake's WebSocket (platforms/slack.md §6).</summary>
public sealed class SlackSocketModeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(FakeSlackDisconnectReason.Warning)]
    [InlineData(FakeSlackDisconnectReason.RefreshRequested)]
    public async Task A_disconnect_warning_or_refresh_opens_a_fresh_connection_at_once(string reason)
    {
        await using var slack = await StartedAsync();
        var first = slack.Fake.OpenConnections[0];

        await slack.Fake.DisconnectAsync(first.Id, reason, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.Connections.Count >= 2 && fake.OpenConnections.Any(connection => connection.Id != first.Id), CancellationToken.None).WaitAsync(Patience);

        // The new socket answers commands.
        var envelope = FakeSlackEnvelope.SlashCommand(slack.Command("help"));
        var fresh = slack.Fake.OpenConnections.First(connection => connection.Id != first.Id);
        await slack.Fake.SendEnvelopeAsync(envelope, fresh.Id, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.Acks.Any(ack => ack.EnvelopeId == envelope.EnvelopeId), CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(fresh.Id, slack.Fake.Acks.Single(ack => ack.EnvelopeId == envelope.EnvelopeId).ConnectionId);
    }

    [Fact]
    public async Task Link_disabled_stops_socket_mode_for_good()
    {
        await using var slack = await StartedAsync();
        var first = slack.Fake.OpenConnections[0];

        await slack.Fake.DisconnectAsync(first.Id, FakeSlackDisconnectReason.LinkDisabled, CancellationToken.None);
        await slack.Fake.CloseConnectionAsync(first.Id, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.OpenConnections.Count == 0, CancellationToken.None).WaitAsync(Patience);

        // The worker's loop has ended rather than waiting to reconnect.
        var worker = slack.Bot.Services.GetServices<IHostedService>().OfType<SlackSocketModeWorker>().Single();
        await worker.ExecuteTask!.WaitAsync(Patience);
        var opensAfter = slack.Fake.Received.Count(request => request.ApiMethod == "apps.connections.open");

        Assert.Equal(1, opensAfter);
        Assert.Single(slack.Fake.Connections);
    }

    [Fact]
    public async Task A_slash_command_sent_again_on_another_connection_is_acknowledged_but_acts_once()
    {
        // Arrange: a second socket, opened after a refresh, while the first still delivers.
        await using var slack = await StartedAsync();
        var first = slack.Fake.OpenConnections[0];
        await slack.Fake.DisconnectAsync(first.Id, FakeSlackDisconnectReason.RefreshRequested, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.OpenConnections.Count >= 2, CancellationToken.None).WaitAsync(Patience);
        var second = slack.Fake.OpenConnections.First(connection => connection.Id != first.Id);
        var envelope = FakeSlackEnvelope.SlashCommand(slack.Command("subscribe kinds:clash regions:CN-MM"));

        // Act
        await slack.Fake.SendEnvelopeAsync(envelope, first.Id, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.Acks.Count(ack => ack.EnvelopeId == envelope.EnvelopeId) == 1, CancellationToken.None).WaitAsync(Patience);
        await slack.Fake.RedeliverAsync(envelope.EnvelopeId, second.Id, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.Acks.Count(ack => ack.EnvelopeId == envelope.EnvelopeId) == 2, CancellationToken.None).WaitAsync(Patience);

        // Assert
        var subscriptions = (await slack.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None))
            .Where(subscription => subscription.Target.Kind == TargetKind.SlackChannel).ToList();
        Assert.Single(subscriptions);
        var acks = slack.Fake.Acks.Where(ack => ack.EnvelopeId == envelope.EnvelopeId).ToList();
        Assert.NotNull(acks[0].Payload);
        Assert.Contains("Subscribed this channel", SlackCommandTests.Text(acks[0].Payload!.Value), StringComparison.Ordinal);
        Assert.Equal(second.Id, acks[1].ConnectionId);
    }

    [Fact]
    public async Task A_socket_closed_without_a_word_is_replaced()
    {
        await using var slack = await StartedAsync();
        var first = slack.Fake.OpenConnections[0];

        await slack.Fake.CloseConnectionAsync(first.Id, CancellationToken.None);
        await slack.Fake.WhenAsync(fake => fake.OpenConnections.Any(connection => connection.Id != first.Id), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, slack.Fake.Connections.Count);
    }

    private async Task<SlackBot> StartedAsync()
    {
        var slack = await SlackBot.StartAsync(_data.DatabasePath, socketMode: true);
        slack.Bot.StartServer();
        await slack.Fake.WhenAsync(fake => fake.OpenConnections.Count > 0, CancellationToken.None).WaitAsync(Patience);
        return slack;
    }
}
