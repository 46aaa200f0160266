using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Hosting;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static BorderAlertBot.Tests.Delivery.PlatformFaults;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// ARCHITECTURE.md §13, issue 9: the real executable receives SIGTERM in the middle of a fan-out to the fake Discord
/// (answers slowed so many sends are in flight), exits cleanly within its grace period, and a restart finishes the
/// fan-out at once — with a claim lease of ten minutes, so anything left leased would visibly hold it up. Every
/// (channel, event) arrives exactly once and no message was sent twice (Discord saw no repeated nonce).
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const int Channels = 24;
    private static readonly string[] Events = ["alpha", "bravo", "charlie", "delta"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Sigterm_mid_fan_out_finishes_or_hands_back_every_send_and_a_restart_delivers_the_rest_once()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGTERM is sent with kill(1).
        }

        // Arrange: 24 Discord channels, four clashes each (two messages of up to three), every answer 400 ms slow.
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { BotToken = "shutdown-test-token", MessageLimit = 1000, MessageWindow = TimeSpan.FromSeconds(1) });
        var channels = Enumerable.Range(1, Channels).Select(n => string.Create(CultureInfo.InvariantCulture, $"12000000000000{n:D5}")).ToList();
        foreach (var channel in channels)
        {
            discord.Delay(channel, TimeSpan.FromMilliseconds(400));
        }

        await SeedAsync(channels);
        var settings = Settings(discord);

        // Act: SIGTERM once a fifth of the messages have arrived.
        int atSigterm;
        string firstRun;
        using (var first = BotProcess.Start(_data.Folder, settings))
        {
            await discord.WhenAsync(fake => channels.Sum(channel => fake.Messages(channel).Count) >= Channels * 2 / 5).WaitAsync(Patience);
            atSigterm = channels.Sum(channel => discord.Messages(channel).Count);
            await first.SignalAsync("TERM");
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the bot did not stop within 30 s of SIGTERM:" + Environment.NewLine + first.Output);
            Assert.Equal(0, first.ExitCode);
            firstRun = first.Output;
        }

        var afterFirst = channels.Sum(channel => discord.Messages(channel).Count);
        var leased = await LeasedRowsAsync();
        using (var second = BotProcess.Start(_data.Folder, settings))
        {
            await discord.WhenAsync(fake => channels.All(channel => Order(Texts(fake, channel), Events).Count == Events.Length)).WaitAsync(Patience);
            await second.SignalAsync("TERM");
            Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(30)), second.Output);
        }

        // Assert: stopped mid fan-out, nothing left leased, nothing cut off, everything once and in order.
        Assert.InRange(afterFirst, atSigterm, (Channels * 2) - 1);
        Assert.Equal(0, leased);
        Assert.Contains("Delivery stopped", firstRun, StringComparison.Ordinal);
        Assert.DoesNotContain("were cut off", firstRun, StringComparison.Ordinal);
        Assert.All(channels, channel => Assert.Equal(Events, Order(Texts(discord, channel), Events)));
        Assert.Equal(0, discord.NonceHits);
        Assert.Equal(Channels * 2, channels.Sum(channel => discord.Messages(channel).Count));
    }

    private Dictionary<string, string> Settings(FakeDiscordServer discord) => new()
    {
        ["Store:Path"] = _data.DatabasePath,
        ["Http:Port"] = "0",
        ["Sample:LoadIntoEmptyStore"] = "false",
        ["ConsoleAlerts:Enabled"] = "false",
        ["Discord:BotToken"] = "shutdown-test-token",
        ["Discord:ApplicationId"] = discord.Options.ApplicationId,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
        ["Delivery:ClaimLease"] = "00:10:00",
        ["Delivery:ShutdownGrace"] = "00:00:20",
        ["Delivery:MaxParallelTargets"] = "8",
    };

    /// <summary>The store, written before the bot starts: a subscription per channel and the four clashes (verified).</summary>
    private async Task SeedAsync(IReadOnlyList<string> channels)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = _data.DatabasePath }).Build();
        await using var services = new ServiceCollection().AddLogging().AddBorderAlertBotServices(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        var subscriptions = services.GetRequiredService<ISubscriptionStore>();
        foreach (var channel in channels)
        {
            await subscriptions.AddAsync(new Subscription(SubscriptionId.New(), new DeliveryTarget(TargetKind.DiscordChannel, channel), SubscriptionFilter.Everything,
                GroupWindow: TimeSpan.Zero, UpdateMode.Edit, Mention: null, QuietHours: null, MutedUntil: null, Paused: null, now, "shutdown-test"), CancellationToken.None);
        }

        var events = Events.Select(word => Clash(word) with { Revision = new RevisionInfo(1, now, "shutdown-test", ["created"]) }).ToList();
        await services.GetRequiredService<IEventStore>().WriteAsync([.. events.Select(item => new EventWrite(item, EventDocument.Fingerprint(item)))], CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Outbox rows still under a lease: what a restart would have to wait for.</summary>
    private async Task<long> LeasedRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_data.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE state = 'Pending' AND group_id IS NOT NULL AND claimed_until > $now;";
        command.Parameters.AddWithValue("$now", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        var count = (long)(await command.ExecuteScalarAsync() ?? 0L);
        SqliteConnection.ClearAllPools();
        return count;
    }

    private static IEnumerable<string> Texts(FakeDiscordServer discord, string channel) => discord.Messages(channel).Select(message => message.Embeds.GetRawText());
}
