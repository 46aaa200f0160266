using BorderAlertBot.Abstractions;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static BorderAlertBot.Tests.Delivery.PlatformFaults;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// The whole bot against a fake Discord that fails on purpose (ARCHITECTURE.md §13): outages, 429 storms, hidden
/// limits, a slow channel and permanent refusals — nothing lost, nothing repeated, no loop. Minutes of the bot's clock
/// pass in a second or two of real time.
/// </summary>
public sealed class DiscordFaultTests : IDisposable
{
    private const string ChannelA = "1200000000000000101";
    private const string ChannelB = "1200000000000000102";
    private const string ChannelC = "1200000000000000103";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task After_minutes_of_503s_and_refused_connections_everything_is_delivered_once_in_order_per_channel()
    {
        // Arrange
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, gates: true, settings: Subscribe("discord-channel:" + ChannelA, "discord-channel:" + ChannelB));
        bot.Bot.StartServer();
        string[] words = ["alpha", "bravo", "charlie", "delta"];

        // Act: five minutes of 503s, then five minutes in which nothing even listens, events arriving all along.
        bot.Discord.BeginOutage(503);
        await ImportOneByOneAsync(bot, words[..2], TimeSpan.FromMinutes(2.5));
        bot.Discord.EndOutage();
        bot.DiscordGate!.Close(); // Asked for.
        await ImportOneByOneAsync(bot, words[2..], TimeSpan.FromMinutes(2.5));
        var duringRefusal = bot.Discord.ReceivedCount;
        bot.DiscordGate.Reopen();
        await bot.AdvanceUntilAsync(() => Order(Texts(bot, ChannelA), words).Count + Order(Texts(bot, ChannelB), words).Count == 2 * words.Length, TimeSpan.FromSeconds(10), Patience);
        await bot.Bot.WaitUntilDeliveredAsync(Patience);

        // Assert: every clash once, in the order it came, in each channel; 503s were seen, nothing dead-lettered.
        Assert.Equal(words, Order(Texts(bot, ChannelA), words));
        Assert.Equal(words, Order(Texts(bot, ChannelB), words));
        Assert.Contains(bot.Discord.Received, request => request.Status == 503);
        Assert.Equal(0, (await bot.Bot.Services.GetRequiredService<IOutboxStore>().CountAsync(CancellationToken.None)).DeadLettered);
        Assert.True(bot.Discord.ReceivedCount > duringRefusal);
    }

    [Fact]
    public async Task A_storm_of_headerless_and_shared_scope_429s_loses_nothing_and_waits_out_each_ban_without_a_request()
    {
        // Arrange: a hidden one-write-a-minute limit on the channel (429s of scope shared), then an IP ban for two requests.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: Subscribe("discord-channel:" + ChannelA));
        bot.Bot.StartServer();
        bot.Discord.HiddenLimit(ChannelA, count: 1, window: TimeSpan.FromMinutes(1));
        string[] words = ["alpha", "bravo", "charlie"];

        // Act
        await ImportOneByOneAsync(bot, words[..1], TimeSpan.FromSeconds(5));
        await bot.AdvanceUntilAsync(() => Order(Texts(bot, ChannelA), words).Count == 1, TimeSpan.FromSeconds(1), Patience);
        bot.Discord.FailNextHeaderless429(times: 2);
        await ImportOneByOneAsync(bot, words[1..], TimeSpan.FromSeconds(5));
        await bot.AdvanceUntilAsync(() => Order(Texts(bot, ChannelA), words).Count == words.Length, TimeSpan.FromSeconds(10), Patience);

        // Assert: all delivered once, in order; after each header-less 429 Discord heard nothing for five minutes; no loop.
        Assert.Equal(words, Order(Texts(bot, ChannelA), words));
        var kinds = bot.Discord.TooManyRequestsByKind;
        Assert.Equal(2, kinds.GetValueOrDefault(TooManyRequestsKind.Banned));
        var received = bot.Discord.Received;
        var bans = received.Select((request, index) => (request, index)).Where(pair => pair.request.Status == 429).Take(2).ToList();
        foreach (var (request, index) in bans)
        {
            Assert.True(received[index + 1].ReceivedAt - request.ReceivedAt >= TimeSpan.FromMinutes(5),
                $"a request {received[index + 1].ReceivedAt - request.ReceivedAt} after a ban: {string.Join("; ", received.Select(r => $"{r.ReceivedAt:HH:mm:ss.fff} {r.Route} {r.Status}"))}");
        }

        var messageRequests = received.Count(request => request.Route == "POST /channels/{channel_id}/messages");
        Assert.True(messageRequests <= words.Length + 2 + kinds.GetValueOrDefault(TooManyRequestsKind.Shared), $"{messageRequests} requests for {words.Length} messages");
        Assert.InRange(kinds.GetValueOrDefault(TooManyRequestsKind.Shared), 0, 2);
    }

    [Fact]
    public async Task A_channel_that_answers_in_seconds_does_not_delay_the_other_channels()
    {
        // Arrange: channel A's answers take 30 s of the bot's clock.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: Subscribe("discord-channel:" + ChannelA, "discord-channel:" + ChannelB, "discord-channel:" + ChannelC));
        bot.Bot.StartServer();
        bot.Discord.Delay(ChannelA, TimeSpan.FromSeconds(30));

        // Act: one clash for all three; the clock does not move.
        await bot.ImportAsync("fault-test", Clash("alpha"));
        await bot.Discord.WhenAsync(fake => fake.Messages(ChannelB).Count == 1 && fake.Messages(ChannelC).Count == 1).WaitAsync(Patience);
        var outbox = bot.Bot.Services.GetRequiredService<IOutboxStore>();
        await WaitForAsync(async () => (await outbox.CountAsync(CancellationToken.None)).Sent == 2);
        var pendingWhileSlow = (await outbox.CountAsync(CancellationToken.None)).Pending;
        await bot.AdvanceAsync(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(10));
        await bot.Bot.WaitUntilDeliveredAsync(Patience);

        // Assert: B and C were done while A's answer was still on its way; A went once.
        Assert.Equal(1, pendingWhileSlow);
        Assert.Single(bot.Discord.Messages(ChannelA));
        Assert.Equal(0, bot.Discord.NonceHits);
    }

    [Theory]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(404, 10003, "Unknown Channel")]
    [InlineData(403, 50001, "Missing Access")]
    public async Task A_permanent_refusal_pauses_the_subscription_after_one_request_and_never_asks_again(int status, int code, string message)
    {
        // Arrange: channel A refuses everything from now on; B is fine.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: Subscribe("discord-channel:" + ChannelA, "discord-channel:" + ChannelB));
        bot.Bot.StartServer();
        bot.Discord.FailNext(ChannelA, status, code, message, times: 1000);

        // Act: three clashes over half an hour.
        await ImportOneByOneAsync(bot, ["alpha", "bravo", "charlie"], TimeSpan.FromMinutes(10));

        // Assert: one request to A, its subscription paused with Discord's reason; B got all three.
        Assert.Single(bot.Discord.Received, request => request.PathAndQuery.Contains(ChannelA, StringComparison.Ordinal));
        var paused = (await bot.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None)).Single(subscription => subscription.Target.Address == ChannelA);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), paused.Paused!.Reason, StringComparison.Ordinal); // Paused, as asserted.
        Assert.Equal(["alpha", "bravo", "charlie"], Order(Texts(bot, ChannelB), ["alpha", "bravo", "charlie"]));
    }

    private static IEnumerable<string> Texts(PlatformsBot bot, string channel) => bot.Discord.Messages(channel).Select(message => message.Embeds.GetRawText());

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, deadline.Token);
        }
    }
}
