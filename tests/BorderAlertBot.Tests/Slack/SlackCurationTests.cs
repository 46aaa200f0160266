using BorderAlertBot.Cli;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Slack;

/// <summary>
/// The curators' channel on Slack, over the Request URL and over Socket Mode: Approve and Reject on each pending candidate,
/// only configured curators may press them, and the decision updates the message and alerts the readers' channel.
/// </summary>
public sealed class SlackCurationTests : IDisposable
{
    private const string ReadersChannel = "C0READERS1";
    private const string EventId = "evt_session_muse";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_curator_approves_a_candidate_and_the_readers_channel_gets_the_alert(bool socketMode)
    {
        // Arrange: the curators' channel is the test channel and the admin is the only curator.
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, socketMode: socketMode, settings: settings =>
        {
            settings["Curation:QueueTarget"] = "slack-channel:" + SlackBot.ChannelId;
            settings["Curation:Curators:0"] = "slack:" + SlackBot.AdminId;
        });
        var cli = new CliRunner(_data.DatabasePath, slack.Bot.Settings);
        slack.Bot.StartServer();
        if (socketMode)
        {
            await slack.Fake.WhenAsync(fake => fake.OpenConnections.Count > 0, CancellationToken.None).WaitAsync(Patience);
        }

        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("subscriptions", "add", "--target", "slack-channel:" + ReadersChannel)).ExitCode);

        // Act 1: a pending candidate comes in.
        await cli.RunAsync("import", _data.Write("pending.json", SessionEvents.CuratedFile(SessionEvents.Clash("Clash reported at Muse gate", severityNote: null, status: "Pending"))));
        var candidate = await MessageAsync(slack, SlackBot.ChannelId, message => message.Blocks is not null && !message.IsThreadReply);
        Assert.Equal(["Approve", "Reject"], SlackSessionTests.Buttons(candidate));

        // Act 2: a member who is not a curator presses Approve: told privately, nothing changes.
        var refused = await SlackSessionTests.PressAsync(slack, slack.Button("approve", EventId, candidate.Ts, SlackBot.MemberId), socketMode);
        Assert.Equal("ephemeral", refused.ResponseType);
        Assert.Contains("Only curators can approve or reject candidates; an operator can add slack:U0JDOE001 to Curation:Curators", SlackCommandTests.Text(refused.Body), StringComparison.Ordinal);

        // Act 3: the curator approves.
        var approved = await SlackSessionTests.PressAsync(slack, slack.Button("approve", EventId, candidate.Ts, SlackBot.AdminId), socketMode);
        var decided = await MessageAsync(slack, SlackBot.ChannelId, message => message.Ts == candidate.Ts && message.EditCount >= 1);
        var alert = await MessageAsync(slack, ReadersChannel, message => message.Blocks is not null);

        // Assert
        Assert.Equal("ephemeral", approved.ResponseType);
        Assert.Contains($"Approved {EventId}", SlackCommandTests.Text(approved.Body), StringComparison.Ordinal);
        Assert.Empty(SlackSessionTests.Buttons(decided));
        Assert.Contains("Approved: verified (revision 2, by u0admin01 (slack:U0ADMIN01))", SlackSessionTests.Shown(decided), StringComparison.Ordinal);
        Assert.Equal(["Why?", "Mute 8h"], SlackSessionTests.Buttons(alert));
        Assert.Equal(0, slack.Fake.TooManyRequestsSent);
    }

    [Fact]
    public async Task A_rejected_candidate_is_marked_rejected_in_the_curators_channel_and_goes_nowhere_else()
    {
        // Arrange
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, settings: settings =>
        {
            settings["Curation:QueueTarget"] = "slack-channel:" + SlackBot.ChannelId;
            settings["Curation:Curators:0"] = "slack:" + SlackBot.AdminId;
        });
        var cli = new CliRunner(_data.DatabasePath, slack.Bot.Settings);
        slack.Bot.StartServer();
        await cli.RunAsync("subscriptions", "add", "--target", "slack-channel:" + ReadersChannel);
        await cli.RunAsync("import", _data.Write("pending.json", SessionEvents.CuratedFile(SessionEvents.Clash("Rumoured clash at Muse gate", severityNote: null, status: "Pending"))));
        var candidate = await MessageAsync(slack, SlackBot.ChannelId, message => message.Blocks is not null && !message.IsThreadReply);

        // Act
        var rejected = await SlackSessionTests.PressAsync(slack, slack.Button("reject", EventId, candidate.Ts, SlackBot.AdminId), socketMode: false);
        var decided = await MessageAsync(slack, SlackBot.ChannelId, message => message.Ts == candidate.Ts && message.EditCount >= 1);
        await slack.Bot.WaitUntilDeliveredAsync(Patience);

        // Assert
        Assert.Equal("ephemeral", rejected.ResponseType);
        Assert.Empty(SlackSessionTests.Buttons(decided));
        var shown = SlackSessionTests.Shown(decided);
        Assert.Contains("REJECTED · Rumoured clash at Muse gate", shown, StringComparison.Ordinal);
        Assert.Contains("Rejected (revision 2, by u0admin01 (slack:U0ADMIN01))", shown, StringComparison.Ordinal);
        Assert.Empty(slack.Fake.Messages(ReadersChannel));
    }

    private static Task<FakeSlackMessage> MessageAsync(SlackBot slack, string channel, Func<FakeSlackMessage, bool> condition) =>
        SessionEvents.AdvanceUntilAsync(slack.Bot.Time, () => slack.Fake.Messages(channel).FirstOrDefault(condition), TimeSpan.FromSeconds(5), SlackSessionTests.Received(slack), Patience);
}
