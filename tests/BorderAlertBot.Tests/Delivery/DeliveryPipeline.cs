using System.Runtime.CompilerServices;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Curation;
using BorderAlertBot.Delivery;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Hosting;
using BorderAlertBot.Store.Sqlite;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fakes;
using BorderAlertBot.Testing.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// The alert pipeline of one "process" on a real SQLite file, driven by hand: the test imports events, runs the watcher
/// and the dispatcher itself and moves the fake clock between runs. A <see cref="RecordingAlertSender"/> stands in for
/// the console platform. <see cref="StartAnotherProcessAsync"/> opens the same file as a second process would (same
/// clock, same "platform").
/// </summary>
public sealed class DeliveryPipeline : IDisposable
{
    /// <summary>When every test's clock starts, unless it says otherwise.</summary>
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory? _ownedDirectory;
    private readonly ServiceProvider _services;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _databasePath;

    private DeliveryPipeline(string databasePath, TempDirectory? ownedDirectory, FakeTimeProvider time, RecordingAlertSender sender, Dictionary<string, string?> settings)
    {
        _databasePath = databasePath;
        _ownedDirectory = ownedDirectory;
        _settings = settings;
        Time = time;
        Sender = sender;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Store:Path"] = databasePath })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBorderAlertBotServices(configuration);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        services.RemoveAll<IAlertSender>();
        services.AddSingleton<IAlertSender>(sender);
        services.AddSingleton<SqliteOutboxStore>();
        services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(provider => new CompletionHookOutbox(provider.GetRequiredService<SqliteOutboxStore>())));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; }

    public RecordingAlertSender Sender { get; }

    public IServiceProvider Services => _services;

    public IOutboxStore Outbox => _services.GetRequiredService<IOutboxStore>();

    /// <summary>The outbox as the pipeline sees it, with a hook into the moment after a completion is written.</summary>
    public CompletionHookOutbox OutboxHook => (CompletionHookOutbox)Outbox;

    public ISubscriptionStore Subscriptions => _services.GetRequiredService<ISubscriptionStore>();

    public AlertWatcher Watcher => _services.GetRequiredService<AlertWatcher>();

    public AlertDispatcher Dispatcher => _services.GetRequiredService<AlertDispatcher>();

    public DigestScheduler Digests => _services.GetRequiredService<DigestScheduler>();

    /// <summary>A fresh database; <paramref name="settings"/> are configuration keys such as <c>Delivery:MaxAttempts</c>.</summary>
    public static async Task<DeliveryPipeline> StartAsync(params (string Key, string? Value)[] settings) =>
        await StartAsync(Start, settings);

    public static async Task<DeliveryPipeline> StartAsync(DateTimeOffset clock, params (string Key, string? Value)[] settings)
    {
        var directory = new TempDirectory();
        var pipeline = new DeliveryPipeline(directory.File("borderalertbot.db"), directory, new FakeTimeProvider(clock), new RecordingAlertSender(),
            settings.ToDictionary(setting => setting.Key, setting => setting.Value));
        await pipeline._services.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);
        return pipeline;
    }

    /// <summary>The same database, clock and platform opened by a second process (a restart, or a second bot).</summary>
    public async Task<DeliveryPipeline> StartAnotherProcessAsync()
    {
        var other = new DeliveryPipeline(_databasePath, null, Time, Sender, _settings);
        await other._services.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);
        return other;
    }

    /// <summary>Adds a subscription: by default to <c>console:default</c>, every verified event, no group window, updates by edit.</summary>
    public async Task<Subscription> SubscribeAsync(Func<SubscriptionBuilder, SubscriptionBuilder>? configure = null)
    {
        var subscription = (configure ?? (builder => builder))(new SubscriptionBuilder().CreatedBy("test", Time.GetUtcNow())).Build();
        await Subscriptions.AddAsync(subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>Imports the events as a curator would (a new id is revision 1, a changed one the next revision) and returns them as stored.</summary>
    public async Task<IReadOnlyList<ConflictEvent>> ImportAsync(params ConflictEvent[] events)
    {
        var summary = await _services.GetRequiredService<EventImporter>().ImportAsync(Records(events), new ImportOptions(false, "desk-editor"), CancellationToken.None);
        Assert.Equal(0, summary.Rejected);
        var store = _services.GetRequiredService<IEventStore>();
        var stored = new List<ConflictEvent>();
        foreach (var conflictEvent in events)
        {
            stored.Add(await store.TryGetAsync(conflictEvent.Id, CancellationToken.None) ?? throw new InvalidOperationException($"{conflictEvent.Id} was not stored."));
        }

        return stored;
    }

    public async Task<ConflictEvent> ImportAsync(ConflictEvent conflictEvent) => (await ImportAsync([conflictEvent]))[0];

    /// <summary>The stored event with one more source from another outlet: a revision whose change is "+ source: …".</summary>
    public Task<ConflictEvent> AddSourceAsync(ConflictEvent stored, string name = "Myanmar Now") =>
        ImportAsync(stored with { Sources = [.. stored.Sources, new Source(name, new Uri($"https://myanmar-now.example/{Testing.Some.Int()}"), null)] });

    public Task<ConflictEvent> RetractAsync(ConflictEvent stored, string reason) =>
        ImportAsync(stored with { Status = EventStatus.Retracted, StatusReason = reason });

    /// <summary>Runs the watcher until it has read the whole change feed.</summary>
    public async Task WatchAsync()
    {
        while (await Watcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    public Task<int> DispatchAsync() => Dispatcher.RunOnceAsync(CancellationToken.None);

    /// <summary>The digest scheduler's turn: every digest due now goes into the outbox (the dispatcher sends it).</summary>
    public Task<int> ScheduleDigestsAsync() => Digests.RunOnceAsync(CancellationToken.None);

    /// <summary>What the bot does when woken: the watcher reads the feed, then the dispatcher sends what is due.</summary>
    public async Task RunAsync()
    {
        await WatchAsync();
        await DispatchAsync();
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Moves the clock to <paramref name="at"/> (never backwards).</summary>
    public void AdvanceTo(DateTimeOffset at) => Time.Advance(at - Time.GetUtcNow());

    public Task<IReadOnlyList<DeliveryLogEntry>> LogAsync(Subscription subscription, ConflictEvent conflictEvent) =>
        _services.GetRequiredService<IDeliveryLog>().GetAsync(subscription.Id, conflictEvent.Id, CancellationToken.None);

    public async Task<DeliveryExplanation> ExplainAsync(Subscription subscription, ConflictEvent conflictEvent)
    {
        var (explanation, error) = await _services.GetRequiredService<DeliveryExplainer>().ExplainAsync(conflictEvent.Id, subscription.Id, CancellationToken.None);
        return explanation ?? throw new InvalidOperationException(error);
    }

    public void Dispose()
    {
        _services.Dispose();
        if (_ownedDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            _ownedDirectory.Dispose();
        }
    }

    private static async IAsyncEnumerable<ImportRecord> Records(ConflictEvent[] events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < events.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ImportRecord.Valid(i, i + 1, i, events[i], null);
        }

        await Task.CompletedTask;
    }
}
