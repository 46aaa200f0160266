using BorderAlertBot.Abstractions;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static BorderAlertBot.Tests.Delivery.PlatformFaults;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// The whole bot against a fake Slack that fails on purpose (ARCHITECTURE.md §13): an outage, 429s with and without
/// Retry-After, a slow channel and permanent refusals — nothing lost, no loop.
/// </summary>
public sealed class SlackFaultTests : IDisposable
{
    private const string ChannelA = "C0FAULTA1";
    private const string ChannelB = "C0FAULTB1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task After_minutes_of_503s_and_refused_connections_everything_is_delivered_in_order_per_channel()
    {
        // Arrange
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, gates: true, settings: Subscribe("slack-channel:" + ChannelA, "slack-channel:" + ChannelB));
        bot.Bot.StartServer();
        string[] words = ["alpha", "bravo", "charlie", "delta"];

        // Act
        bot.Slack.FailNextWithStatus("chat.postMessage", 503, times: 10_000);
        await ImportOneByOneAsync(bot, words[..2], TimeSpan.FromMinutes(2.5));
        bot.Slack.ClearFaults();
        bot.SlackGate!.Close(); // Asked for.
        await ImportOneByOneAsync(bot, words[2..], TimeSpan.FromMinutes(2.5));
        bot.SlackGate.Reopen();
        await bot.AdvanceUntilAsync(() => Order(Texts(bot, ChannelA), words).Count + Order(Texts(bot, ChannelB), words).Count == 2 * words.Length, TimeSpan.FromSeconds(10), Patience);

        // Assert
        Assert.Equal(words, Order(Texts(bot, ChannelA), words));
        Assert.Equal(words, Order(Texts(bot, ChannelB), words));
        Assert.Contains(bot.Slack.Received, request => request.Status == 503);
        Assert.Equal(0, (await bot.Bot.Services.GetRequiredService<IOutboxStore>().CountAsync(CancellationToken.None)).DeadLettered);
    }

    [Fact]
    public async Task Rate_limits_with_and_without_retry_after_lose_nothing_and_are_waited_out()
    {
        // Arrange: three 429s with Retry-After: 30, then two with no header at all.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: Subscribe("slack-channel:" + ChannelA));
        bot.Bot.StartServer();
        bot.Slack.FailNextRateLimited(ChannelA, TimeSpan.FromSeconds(30), times: 3);
        string[] words = ["alpha", "bravo", "charlie"];

        // Act
        await ImportOneByOneAsync(bot, words[..1], TimeSpan.FromSeconds(1));
        await bot.AdvanceUntilAsync(() => Order(Texts(bot, ChannelA), words).Count == 1, TimeSpan.FromSeconds(5), Patience);
        bot.Slack.FailNextWithStatus(ChannelA, 429, times: 2);
        await ImportOneByOneAsync(bot, words[1..], TimeSpan.FromSeconds(1));
        await bot.AdvanceUntilAsync(() => Order(Texts(bot, ChannelA), words).Count == words.Length, TimeSpan.FromSeconds(5), Patience);

        // Assert: in order; each 429 was followed by a wait (30 s, or a default for none) before Slack heard from us again.
        Assert.Equal(words, Order(Texts(bot, ChannelA), words));
        var posts = bot.Slack.Received.Where(request => request.Channel == ChannelA).ToList();
        for (var i = 0; i < posts.Count - 1; i++)
        {
            if (posts[i].Status == 429)
            {
                Assert.True(posts[i + 1].ReceivedAt - posts[i].ReceivedAt >= TimeSpan.FromSeconds(5), $"asked again {posts[i + 1].ReceivedAt - posts[i].ReceivedAt} after a 429");
            }
        }

        // Five refusals, then each word delivered exactly once: bravo and charlie may share one message when charlie is
        // queued while bravo waits out its 429s (the channel's pending alerts go out together), so the posts number 7 or 8.
        Assert.Equal(5, posts.Count(post => post.Status == 429));
        Assert.All(words, word => Assert.Single(posts, post => post.Status == 200 && post.Body.Contains("Fault " + word, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_channel_that_answers_in_seconds_does_not_delay_the_other_channel()
    {
        // Arrange: channel A's answers take 20 s of the bot's clock.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: Subscribe("slack-channel:" + ChannelA, "slack-channel:" + ChannelB));
        bot.Bot.StartServer();
        bot.Slack.Delay(ChannelA, TimeSpan.FromSeconds(20));
        var outbox = bot.Bot.Services.GetRequiredService<IOutboxStore>();

        // Act: the clock does not move until B is done.
        await bot.ImportAsync("fault-test", Clash("alpha"));
        await bot.Slack.WhenAsync(fake => fake.Messages(ChannelB).Count == 1 && fake.Messages(ChannelA).Count == 1, CancellationToken.None).WaitAsync(Patience);
        using (var deadline = new CancellationTokenSource(Patience))
        {
            while ((await outbox.CountAsync(deadline.Token)).Sent < 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, deadline.Token);
            }
        }

        var whileSlow = await outbox.CountAsync(CancellationToken.None);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        await bot.Bot.WaitUntilDeliveredAsync(Patience);

        // Assert
        Assert.Equal((1, 1), (whileSlow.Sent, whileSlow.Pending));
        Assert.Single(bot.Slack.Messages(ChannelA));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    public async Task A_channel_that_cannot_take_messages_is_paused_after_one_request_and_never_asked_again(string error)
    {
        // Arrange
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: Subscribe("slack-channel:" + ChannelA, "slack-channel:" + ChannelB));
        bot.Bot.StartServer();
        bot.Slack.FailNext(ChannelA, error, times: 1000);

        // Act
        await ImportOneByOneAsync(bot, ["alpha", "bravo", "charlie"], TimeSpan.FromMinutes(10));

        // Assert
        Assert.Single(bot.Slack.Received, request => request.Channel == ChannelA);
        var paused = (await bot.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None)).Single(subscription => subscription.Target.Address == ChannelA);
        Assert.Contains(error, paused.Paused!.Reason, StringComparison.Ordinal); // Paused, as asserted.
        Assert.Equal(["alpha", "bravo", "charlie"], Order(Texts(bot, ChannelB), ["alpha", "bravo", "charlie"]));
    }

    private static IEnumerable<string> Texts(PlatformsBot bot, string channel) =>
        bot.Slack.Messages(channel).Where(message => !message.IsThreadReply).Select(message => message.Blocks?.GetRawText() ?? message.Text ?? string.Empty);
}
