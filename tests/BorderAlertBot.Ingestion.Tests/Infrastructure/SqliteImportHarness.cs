using BorderAlertBot.Curation;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.CuratedJson;
using BorderAlertBot.Ingestion.Files;
using BorderAlertBot.Sources;
using BorderAlertBot.Storage;
using BorderAlertBot.Store.Sqlite;
using BorderAlertBot.Testing.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Ingestion.Tests.Infrastructure;

/// <summary>A real SQLite file in a temp folder, and the importer writing into it from curated JSON files.</summary>
public sealed class SqliteImportHarness : IDisposable
{
    public const string Curator = "import-tests";

    private readonly TempDirectory _directory = new();
    private readonly SqliteDatabase _database;
    private int _files;

    public SqliteImportHarness()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { Path = _directory.File("events.db") }), Time, NullLogger<SqliteDatabase>.Instance);
        Store = new SqliteEventStore(_database, new ChangeSignal(Time));
        Queries = new SqliteEventQueries(_database);
        Feed = new SqliteChangeFeed(_database, Time);
        States = new SqliteSourceStateStore(_database);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 4, 1, 9, 0, 0, TimeSpan.Zero));

    public SqliteEventStore Store { get; }

    public SqliteEventQueries Queries { get; }

    public SqliteChangeFeed Feed { get; }

    /// <summary>The sources' cursors and health in the same database.</summary>
    public SqliteSourceStateStore States { get; }

    /// <summary>Writes the text to a file and imports it as the CLI does: read from disk, then the importer.</summary>
    public async Task<ImportSummary> ImportAsync(string curatedJson, bool dryRun = false, int batchSize = 500, IProgress<ImportProgress>? progress = null)
    {
        var path = _directory.Write($"import-{++_files}.json", curatedJson);
        return await ImportAsync(CuratedJsonReader.ReadFileAsync(path, CancellationToken.None), dryRun, batchSize, progress);
    }

    /// <summary>The file importer as the CLI and the drop folder use it, over this store, with the bundled border geography.</summary>
    public FileImporter Files(SourcesOptions? sources = null) =>
        new(new EventImporter(Store, Time, Borders), Options.Create(sources ?? new SourcesOptions()));

    /// <summary>Writes an ACLED CSV to a file and imports it as the CLI does: with ACLED's trust and the bundled border geography.</summary>
    public async Task<FileImportResult> ImportAcledAsync(string csv, SourcesOptions? sources = null)
    {
        var path = _directory.Write($"acled-{++_files}.csv", csv);
        return await Files(sources).ImportAsync(path, ImportFormat.Acled, new ImportOptions(DryRun: false, Curator), CancellationToken.None);
    }

    /// <summary>The importer's enricher as the bot composes it: the bundled gazetteer and border line, default bands.</summary>
    public static BorderEnrichment Borders { get; } = new(new BorderLocator(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions()));

    public Task<ImportSummary> ImportAsync(IEnumerable<ImportRecord> records) => ImportAsync(records.ToAsyncEnumerable(), dryRun: false, batchSize: 500, progress: null);

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private Task<ImportSummary> ImportAsync(IAsyncEnumerable<ImportRecord> records, bool dryRun, int batchSize, IProgress<ImportProgress>? progress) =>
        new EventImporter(Store, Time).ImportAsync(records, new ImportOptions(dryRun, Curator, progress, batchSize), CancellationToken.None);
}
