using System.Diagnostics;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Coordination;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Discord.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Hosting;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Testing.Files;
using BorderAlertBot.Testing.Postgres;
using BorderAlertBot.Tests.Support;
using BorderAlertBot.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// ARCHITECTURE.md §6, §10, §13, issue 8: three real bot processes on one PostgreSQL database and the fake Discord server
/// (real HTTP on 127.0.0.1, Discord's limits and nonces), 100 channels × 20 events = 2,000 alerts in two waves, and ten
/// of the channels with a digest whose slot falls due during the run. Midway the process holding the alert watcher's
/// lease is killed with SIGKILL: the second wave needs the watcher to move to another instance, the batches the dead one
/// had claimed come back when their lease runs out and go again under the same nonce, which Discord (the fake) drops.
/// Every (channel, event) must be in exactly one message, and each digest slot in exactly one.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IDisposable
{
    private const string BotToken = "scale-out-bot-token";
    private const string ApplicationId = "1300000000000000001";
    private const int ChannelCount = 100;
    private const int DigestChannels = 10;
    private const int EventsPerWave = 10;
    private static readonly TimeSpan DigestAfter = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SkippableFact]
    public async Task Three_instances_deliver_every_alert_and_a_digest_exactly_once_when_one_is_killed_midway()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(Timeout);
        await using var postgres = await TestPostgres.StartAsync(cancellationToken: timeout.Token);
        var connectionString = await postgres.CreateDatabaseAsync("scaleout", timeout.Token);
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { BotToken = BotToken, ApplicationId = ApplicationId }, timeout.Token);
        var settings = new Dictionary<string, string>
        {
            ["Store:Provider"] = "Postgres",
            ["Store:ConnectionString"] = connectionString,
            ["Http:Port"] = "0",
            ["Sample:LoadIntoEmptyStore"] = "false",
            ["ConsoleAlerts:Enabled"] = "false",
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.ToString(),
            ["Delivery:ClaimLease"] = "00:00:05",
            ["Cluster:LeaseDuration"] = "00:00:03",
        };
        await using var store = Store(settings);
        await store.GetRequiredService<IStoreInitializer>().InitializeAsync(timeout.Token);
        var clock = Stopwatch.StartNew();
        var (channels, digests) = await SubscribeAsync(store, timeout.Token);
        var bots = Enumerable.Range(0, 3).Select(_ => BotProcess.Start(_directory.Path, settings)).ToList();
        try
        {
            var leases = store.GetRequiredService<ILeaseStore>();
            await UntilAsync(async () => (await leases.ListAsync(ClusterPresence.Prefix, TimeProvider.System.GetUtcNow(), timeout.Token)).Count == 3, bots, "three instances present", timeout.Token);
            await UntilAsync(async () => await HolderAsync(leases, AlertWatcherWorker.LeaseName, timeout.Token) is not null, bots, "a watcher", timeout.Token);

            // Act: the first wave, a kill midway through its fan-out, then the second wave.
            var events = await WriteWaveAsync(store, timeout.Token);
            await UntilAsync(() => Task.FromResult(fake.ReceivedCount >= 150), bots, "150 requests", timeout.Token);
            var watcher = (await HolderAsync(leases, AlertWatcherWorker.LeaseName, timeout.Token))!; // Checked present above.
            var victim = bots.Single(bot => bot.Id == ProcessIdOf(watcher));
            victim.Kill();
            var killedAfter = fake.ReceivedCount;
            events.AddRange(await WriteWaveAsync(store, timeout.Token));
            await UntilAsync(() => Task.FromResult(Delivered(fake, channels, digests).Complete(events.Count)), bots.Where(bot => bot != victim), "every alert and digest", timeout.Token);
            await UntilAsync(async () => (await store.GetRequiredService<IOutboxStore>().CountAsync(timeout.Token)).Pending == 0, bots.Where(bot => bot != victim), "an empty outbox", timeout.Token);

            // Assert
            var delivered = Delivered(fake, channels, digests);
            var newWatcher = await HolderAsync(leases, AlertWatcherWorker.LeaseName, timeout.Token);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"killed pid {victim.Id} (the watcher) after {killedAfter} requests; watcher now {newWatcher}; {fake.ReceivedCount} requests, {fake.NonceHits} repeats dropped by nonce, {fake.TooManyRequestsSent} 429s; {clock.Elapsed.TotalSeconds:0.0} s"));
            var expected = channels.SelectMany(channel => events.Select(eventId => (channel, eventId))).ToHashSet();
            var missing = expected.Where(pair => !delivered.MessagesByPair.ContainsKey(pair)).ToList();
            var twice = delivered.MessagesByPair.Where(pair => pair.Value > 1).ToList();
            Assert.True(missing.Count == 0 && twice.Count == 0, $"{missing.Count} (channel, event) pairs missing, e.g. {string.Join("; ", missing.Take(3))}; {twice.Count} delivered more than once, e.g. {string.Join("; ", twice.Take(3))}");
            Assert.Equal(ChannelCount * EventsPerWave * 2, delivered.MessagesByPair.Count);
            Assert.All(digests, digest => Assert.Equal(1, delivered.DigestsByChannel.GetValueOrDefault(digest.Channel)));
            Assert.NotNull(newWatcher);
            Assert.NotEqual(victim.Id, ProcessIdOf(newWatcher));
            Assert.Equal(new OutboxCounts(0, ChannelCount * EventsPerWave * 2 + DigestChannels, 0), await store.GetRequiredService<IOutboxStore>().CountAsync(timeout.Token));
        }
        finally
        {
            foreach (var bot in bots)
            {
                bot.Dispose();
            }
        }
    }

    private static ServiceProvider Store(Dictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
        return new ServiceCollection().AddLogging().AddBorderAlertBotServices(configuration).BuildServiceProvider();
    }

    /// <summary>100 Discord channels, each subscribed to every verified event; ten also with a digest due <see cref="DigestAfter"/> from now.</summary>
    private static async Task<(List<string> Channels, List<(string Channel, string Nonce)> Digests)> SubscribeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var slotAt = now + DigestAfter;
        var schedule = new DigestSchedule(TimeOnly.FromDateTime(slotAt.UtcDateTime), "Etc/UTC", now);
        var store = services.GetRequiredService<ISubscriptionStore>();
        var channels = new List<string>();
        var digests = new List<(string, string)>();
        for (var i = 0; i < ChannelCount; i++)
        {
            var channel = string.Create(CultureInfo.InvariantCulture, $"14000000000000{i:D5}");
            var subscription = new SubscriptionBuilder().To(new DeliveryTarget(TargetKind.DiscordChannel, channel)).CreatedBy("scale-out-test", now).Build();
            if (i < DigestChannels)
            {
                subscription = subscription with { Digest = schedule };
                var key = new DigestEntry(subscription.Id, subscription.Target.Key, schedule.LatestAtOrBefore(slotAt), now, null).Key;
                digests.Add((channel, DiscordNonce.From(key)));
            }

            await store.AddAsync(subscription, cancellationToken);
            channels.Add(channel);
        }

        return (channels, digests);
    }

    private static async Task<List<string>> WriteWaveAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var events = Enumerable.Range(0, EventsPerWave).Select(_ => new EventBuilder().WithRevision(new RevisionInfo(1, now, "scale-out-test", ["created"])).Build()).ToList();
        await services.GetRequiredService<IEventStore>().WriteAsync([.. events.Select(item => new EventWrite(item, EventDocument.Fingerprint(item)))], cancellationToken);
        return [.. events.Select(item => item.Id.Value)];
    }

    private static async Task<string?> HolderAsync(ILeaseStore leases, string name, CancellationToken cancellationToken) =>
        (await leases.ListAsync(name, TimeProvider.System.GetUtcNow(), cancellationToken)).SingleOrDefault(lease => lease.Name == name)?.Holder;

    /// <summary>A holder is "host/pid/random" (<see cref="InstanceIdentity"/>).</summary>
    private static int ProcessIdOf(string holder) => int.Parse(holder.Split('/')[^2], CultureInfo.InvariantCulture);

    /// <summary>Polls every 100 ms; a bot that exited or the timeout fails the test with what the bots printed.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, IEnumerable<BotProcess> bots, string what, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            var exited = bots.FirstOrDefault(bot => bot.HasExited);
            if (exited is not null || cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"waiting for {what}: {(exited is null ? "timed out" : $"pid {exited.Id} exited")}{Environment.NewLine}"
                    + string.Join(Environment.NewLine, bots.Select(bot => $"--- pid {bot.Id}{Environment.NewLine}{Tail(bot.Output)}")));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
        }
    }

    private static string Tail(string text) => text.Length > 4_000 ? text[^4_000..] : text;

    /// <summary>What the fake holds: per (channel, event) the messages that carry it, per channel its digests (by the slot's nonce).</summary>
    private static Delivery Delivered(FakeDiscordServer fake, List<string> channels, List<(string Channel, string Nonce)> digests)
    {
        var pairs = new Dictionary<(string, string), int>();
        var digestsByChannel = new Dictionary<string, int>();
        foreach (var channel in channels)
        {
            foreach (var message in fake.Messages(channel))
            {
                if (digests.Contains((channel, message.Nonce ?? string.Empty)))
                {
                    digestsByChannel[channel] = digestsByChannel.GetValueOrDefault(channel) + 1;
                }

                foreach (var embed in message.Embeds.EnumerateArray())
                {
                    if (embed.TryGetProperty("footer", out var footer) && footer.GetProperty("text").GetString() is { } text && text.StartsWith("evt_", StringComparison.Ordinal))
                    {
                        var pair = (channel, text[..text.IndexOf(' ', StringComparison.Ordinal)]);
                        pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
                    }
                }
            }
        }

        return new Delivery(pairs, digestsByChannel, digests.Count);
    }

    private sealed record Delivery(Dictionary<(string Channel, string EventId), int> MessagesByPair, Dictionary<string, int> DigestsByChannel, int DigestCount)
    {
        public bool Complete(int events) => MessagesByPair.Count >= ChannelCount * events && DigestsByChannel.Count >= DigestCount;
    }
}
