using BorderAlertBot.Abstractions;
using BorderAlertBot.Curation;
using BorderAlertBot.Geography;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Ingestion.Tests.Infrastructure;

/// <summary>
/// The ingestion services as the host registers them, from settings the test gives (base URLs pointing at a fixture
/// server), with the clock the test drives; and a <see cref="SourceRunner"/> with the bot's border enrichment.
/// </summary>
internal sealed class SourceHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public SourceHarness(FakeTimeProvider time, params (string Key, string? Value)[] settings)
    {
        Time = time;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddBorderAlertBotIngestion(Configuration)
            .BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public IConfiguration Configuration { get; }

    public IReadOnlyList<IEventSource> Sources => [.. _services.GetServices<IEventSource>()];

    public IEventSource Source(string name) => Sources.Single(source => source.Name == name);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// The runner over <paramref name="store"/>, placing events on the border as the bot does, and merging reports into
    /// the events <paramref name="queries"/> finds when given (as the bot does).
    /// </summary>
    public SourceRunner Runner(IEventStore store, ISourceStateStore states, SourcesOptions? options = null, IEventQueries? queries = null) =>
        new(states, new EventImporter(store, Time, new BorderEnrichment(Locator), queries is null ? null : new EventMerger(queries, Options.Create(new CurationOptions()))),
            Time, Options.Create(options ?? new SourcesOptions()), NullLogger<SourceRunner>.Instance);

    public static BorderLocator Locator { get; } = new(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions());

    public void Dispose() => _services.Dispose();
}
