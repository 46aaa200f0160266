using System.Net;
using System.Text.Json;
using BorderAlertBot.Commands;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Slack;

/// <summary>Every <c>/border</c> subcommand typed in Slack, over the Request URL and over Socket Mode, on the sample scenario.</summary>
public sealed class SlackEverySubcommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly (string Text, string Expected)[] Session =
    [
        ("subscribe kinds:trade regions:CN-MM", "Subscribed this channel"),
        ("help search", "search"),
        ("latest trade 2", "Laukkai"),
        ("summary 30d CN-MM", "the period before"),
        ("event evt_laukkai_surrender_2024", "Laukkai"),
        ("search Laukkai", "Laukkai"),
        ("crossings CN-MM", "Chinshwehaw"),
        ("why evt_laukkai_surrender_2024", "kind: BorderClash is not one of TradeDisruption"),
        ("subscriptions", "sub_"),
        ("digest 07:30 Asia/Yangon quiet:nothing", "07:30"),
        ("mute 2h", "2h"),
        ("unmute", "unmute"),
        ("unsubscribe all", "nsubscribed"),
    ];

    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_subcommand_answers_on_the_sample(bool socketMode)
    {
        // Arrange: the sample scenario, alerted to the console at start.
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, withSample: true, socketMode: socketMode);
        slack.Bot.StartServer();
        await slack.Bot.WaitUntilDeliveredAsync(Patience);
        if (socketMode)
        {
            await slack.Fake.WhenAsync(fake => fake.OpenConnections.Count > 0, CancellationToken.None).WaitAsync(Patience);
        }

        var seen = new List<string>();
        foreach (var (text, expected) in Session)
        {
            // Act
            var answer = await AskAsync(slack, slack.Command(text), socketMode);

            // Assert: answered at once or through response_url; never a problem.
            seen.Add(text.Split(' ')[0]);
            Assert.DoesNotContain("went wrong", answer, StringComparison.Ordinal);
            Assert.True(answer.Contains(expected, StringComparison.OrdinalIgnoreCase), $"/border {text}: expected '{expected}' in:\n{answer}");
        }

        Assert.Equal(CommandSyntax.Subcommands.Select(syntax => syntax.Name).Order(), seen.Order());
    }

    /// <summary>The answer's text: the acknowledgement's own, or what followed through the command's response URL.</summary>
    private static async Task<string> AskAsync(SlackBot slack, SlackSlashCommand command, bool socketMode)
    {
        JsonElement? immediate;
        if (socketMode)
        {
            var envelope = FakeSlackEnvelope.SlashCommand(command);
            await slack.Fake.SendEnvelopeAsync(envelope, connectionId: null, CancellationToken.None);
            await slack.Fake.WhenAsync(fake => fake.Acks.Any(ack => ack.EnvelopeId == envelope.EnvelopeId), CancellationToken.None).WaitAsync(Patience);
            immediate = slack.Fake.Acks.Single(ack => ack.EnvelopeId == envelope.EnvelopeId).Payload;
        }
        else
        {
            var (status, body) = await slack.PostCommandAsync(command);
            Assert.Equal(HttpStatusCode.OK, status);
            immediate = body;
        }

        if (immediate is { } reply && reply.TryGetProperty("blocks", out _))
        {
            return SlackCommandTests.Text(reply);
        }

        var url = new Uri(command.ResponseUrl);
        await slack.Fake.WhenAsync(fake => fake.ResponsePosts.Any(post => post.ResponseUrl == url), CancellationToken.None).WaitAsync(Patience);
        return string.Join('\n', slack.Fake.ResponsePosts.Where(post => post.ResponseUrl == url).Select(post => SlackCommandTests.Text(post.Body)));
    }
}
