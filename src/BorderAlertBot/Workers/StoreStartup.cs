using BorderAlertBot.Abstractions;
using BorderAlertBot.Curation;
using BorderAlertBot.Hosting;
using BorderAlertBot.Ingestion;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Workers;

/// <summary>Migrates the store before anything else runs, then loads the sample scenario into an empty store.</summary>
public sealed partial class StoreStartup(
    IStoreInitializer initializer,
    IEventQueries queries,
    EventImporter importer,
    IOptions<SampleOptions> sample,
    ILogger<StoreStartup> logger) : IHostedService
{
    public const string SampleCurator = "sample-scenario";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);
        var count = await queries.CountAsync(cancellationToken);
        if (count > 0 || !sample.Value.LoadIntoEmptyStore)
        {
            Log.StoreReady(logger, count);
            return;
        }

        foreach (var step in SampleScenario.Steps)
        {
            var summary = await importer.ImportAsync(SampleScenario.Read(step).ToAsyncEnumerable(), new ImportOptions(DryRun: false, SampleCurator), cancellationToken);
            Log.SampleStepLoaded(logger, step, summary.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Store ready with {EventCount} events")]
        public static partial void StoreReady(ILogger logger, long eventCount);

        [LoggerMessage(2, LogLevel.Information, "Sample scenario {Step} loaded into the empty store: {Summary}")]
        public static partial void SampleStepLoaded(ILogger logger, string step, string summary);
    }
}
