using System.Text.Json;
using BorderAlertBot.Cli;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Support;
using static BorderAlertBot.Tests.Support.SessionEvents;

namespace BorderAlertBot.Tests.Slack;

/// <summary>
/// A whole working session against the fake Slack, once over the HTTP Request URLs and once over Socket Mode: subscribe a
/// channel and set a digest, import a clash with the CLI, see the alert, its update and thread reply, ask why, get the
/// digest with its chart, and see the retraction.
/// </summary>
public sealed class SlackSessionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public Task A_newsroom_follows_an_event_from_alert_to_digest_to_retraction_over_http() => RunSessionAsync(socketMode: false);

    [Fact]
    public Task A_newsroom_follows_an_event_from_alert_to_digest_to_retraction_over_socket_mode() => RunSessionAsync(socketMode: true);

    private async Task RunSessionAsync(bool socketMode)
    {
        // Arrange: the bot runs on 2026-11-28 09:00 UTC with Slack set up against the fake.
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, socketMode: socketMode);
        var cli = new CliRunner(_data.DatabasePath, slack.Bot.Settings);
        slack.Bot.StartServer();
        var commands = socketMode ? await SocketCommandsAsync(slack) : null;
        async Task<JsonElement> CommandAsync(string text) =>
            commands is null ? (await slack.PostCommandAsync(slack.Command(text))).Body!.Value : await commands(slack.Command(text));

        // 1. A workspace admin subscribes the channel to clashes on the border, edits and thread replies both, and asks
        //    for a digest at 07:30 Yangon time.
        var subscribed = await CommandAsync("subscribe kinds:clash regions:CN-MM updates:both");
        Assert.Equal("in_channel", subscribed.GetProperty("response_type").GetString());
        Assert.Contains("Subscribed this channel", SlackCommandTests.Text(subscribed), StringComparison.Ordinal);
        var digestSet = await CommandAsync("digest 07:30 Asia/Yangon");
        Assert.Contains("07:30", SlackCommandTests.Text(digestSet), StringComparison.Ordinal);

        // 2. The curator imports a clash whose source text tries to ping the channel and a user.
        var imported = await cli.RunAsync("import", _data.Write("v1.json", CuratedFile(Clash("Clash at Muse gate <!channel> <@U0JDOE001>", severityNote: null))));
        Assert.Equal(ExitCodes.Success, imported.ExitCode);
        var alert = await MessageAsync(slack, message => message.Blocks is not null && !message.IsThreadReply);

        // The alert: blocks naming the event, Why?/Mute 8h buttons, a text fallback, and nobody pinged.
        var alertText = Shown(alert);
        Assert.Contains("Clash at Muse gate", alertText, StringComparison.Ordinal);
        Assert.Contains(EventId, alertText, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", alertText, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0JDOE001>", alertText, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(alert.Text));
        Assert.Equal(["Why?", "Mute 8h"], Buttons(alert));

        // 3. The curator revises it: the alert is updated in place and the change is told in its thread.
        var revised = await cli.RunAsync("import", _data.Write("v2.json", CuratedFile(Clash("Heavy clash at Muse gate", severityNote: "120 trucks stranded"))));
        Assert.Equal(ExitCodes.Success, revised.ExitCode);
        var updated = await MessageAsync(slack, message => message.Ts == alert.Ts && message.EditCount >= 1);
        Assert.Contains("Heavy clash at Muse gate", Shown(updated), StringComparison.Ordinal);
        var reply = await SessionEvents.AdvanceUntilAsync(slack.Bot.Time, () => slack.Fake.Replies(SlackBot.ChannelId, alert.Ts) is [var first, ..] ? first : null, TimeSpan.FromSeconds(5), Received(slack), Patience);
        Assert.Contains("title changed", Shown(reply), StringComparison.Ordinal);

        // 4. A reader presses Why? and sees, privately, which subscription matched and what was sent.
        await slack.Bot.WaitUntilDeliveredAsync(Patience);
        var why = await PressAsync(slack, slack.Button("why", EventId, alert.Ts), socketMode);
        Assert.Equal("ephemeral", why.ResponseType);
        var explained = SlackCommandTests.Text(why.Body);
        Assert.Contains("matched: passed every filter", explained, StringComparison.Ordinal);
        Assert.Contains("sent as", explained, StringComparison.Ordinal);
        Assert.Contains("replied in the thread of", explained, StringComparison.Ordinal);

        // 5. At 07:30 in Yangon (01:00 UTC) the digest arrives, with the day's chart uploaded to the channel.
        var digest = await SessionEvents.AdvanceUntilAsync(slack.Bot.Time,
            () => slack.Fake.Messages(SlackBot.ChannelId).FirstOrDefault(message => Shown(message).Contains("Daily digest", StringComparison.Ordinal)),
            TimeSpan.FromHours(1), Received(slack), Patience);
        Assert.Contains(EventId, Shown(digest), StringComparison.Ordinal);
        await slack.Fake.WhenAsync(fake => fake.Files.Count > 0, CancellationToken.None).WaitAsync(Patience);
        var chart = Assert.Single(slack.Fake.Files);
        Assert.Contains(SlackBot.ChannelId, chart.Channels);
        Assert.EndsWith(".png", chart.Filename, StringComparison.Ordinal);

        // 6. The event is retracted: the alert says so and the thread is told.
        var retracted = await cli.RunAsync("import", _data.Write("v3.json", CuratedFile(Clash("Heavy clash at Muse gate", severityNote: "120 trucks stranded", status: "Retracted"))));
        Assert.Equal(ExitCodes.Success, retracted.ExitCode);
        var marked = await MessageAsync(slack, message => message.Ts == alert.Ts && Shown(message).Contains("RETRACTED", StringComparison.Ordinal));
        Assert.True(marked.EditCount >= 2);
        await SessionEvents.AdvanceUntilAsync(slack.Bot.Time, () => slack.Fake.Replies(SlackBot.ChannelId, alert.Ts) is [_, var second, ..] ? second : null, TimeSpan.FromSeconds(5), Received(slack), Patience);

        // Nothing was posted twice and the bot was never throttled.
        Assert.Single(slack.Fake.Messages(SlackBot.ChannelId), message => !message.IsThreadReply && Shown(message).Contains(EventId, StringComparison.Ordinal) && !Shown(message).Contains("Daily digest", StringComparison.Ordinal));
        Assert.Equal(0, slack.Fake.TooManyRequestsSent);
    }

    /// <summary>Waits for the bot's Socket Mode connection, then sends slash commands as envelopes and returns the ack's payload.</summary>
    private static async Task<Func<SlackSlashCommand, Task<JsonElement>>> SocketCommandsAsync(SlackBot slack)
    {
        await slack.Fake.WhenAsync(fake => fake.OpenConnections.Count > 0, CancellationToken.None).WaitAsync(Patience);
        return async command =>
        {
            var envelope = FakeSlackEnvelope.SlashCommand(command);
            await slack.Fake.SendEnvelopeAsync(envelope, connectionId: null, CancellationToken.None);
            await slack.Fake.WhenAsync(fake => fake.Acks.Any(ack => ack.EnvelopeId == envelope.EnvelopeId), CancellationToken.None).WaitAsync(Patience);
            var ack = slack.Fake.Acks.Single(ack => ack.EnvelopeId == envelope.EnvelopeId);
            return ack.Payload ?? throw new InvalidOperationException("The command's ack carried no answer.");
        };
    }

    internal static async Task<FakeSlackResponsePost> PressAsync(SlackBot slack, SlackBlockActions button, bool socketMode)
    {
        var before = slack.Fake.ResponsePosts.Count;
        if (socketMode)
        {
            await slack.Fake.SendEnvelopeAsync(FakeSlackEnvelope.Interactive(button), connectionId: null, CancellationToken.None);
        }
        else
        {
            await slack.PostButtonAsync(button);
        }

        await slack.Fake.WhenAsync(fake => fake.ResponsePosts.Count > before, CancellationToken.None).WaitAsync(Patience);
        return slack.Fake.ResponsePosts[before];
    }

    private static Task<FakeSlackMessage> MessageAsync(SlackBot slack, Func<FakeSlackMessage, bool> condition) =>
        SessionEvents.AdvanceUntilAsync(slack.Bot.Time, () => slack.Fake.Messages(SlackBot.ChannelId).FirstOrDefault(condition), TimeSpan.FromSeconds(5), Received(slack), Patience);

    internal static Func<Func<bool>, CancellationToken, Task> Received(SlackBot slack) => (condition, ct) => slack.Fake.WhenAsync(_ => condition(), ct);

    internal static List<string?> Buttons(FakeSlackMessage message) =>
        [.. message.Blocks!.Value.EnumerateArray()
            .Where(block => block.GetProperty("type").GetString() == "actions")
            .SelectMany(block => block.GetProperty("elements").EnumerateArray())
            .Select(button => button.GetProperty("text").GetProperty("text").GetString())];

    /// <summary>A message's fallback text and blocks as a reader sees them.</summary>
    internal static string Shown(FakeSlackMessage message) =>
        (message.Text ?? string.Empty) + "\n" + (message.Blocks is { } blocks ? SlackCommandTests.Text(blocks) : string.Empty);
}
