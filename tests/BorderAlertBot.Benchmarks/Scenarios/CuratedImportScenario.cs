using System.CommandLine;
using System.Diagnostics;
using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.CuratedJson;
using BorderAlertBot.Storage;
using BorderAlertBot.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>import-curated</c>: a generated curated file into a fresh SQLite store, then the same file again (which must be
/// all unchanged). Reports both times, the rate and peak memory.
/// </summary>
public static class CuratedImportScenario
{
    private const string Name = "import-curated";

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "How many events to generate.", DefaultValueFactory = _ => 100_000 };
        var command = new Command(Name, "Import a generated curated file twice into a fresh SQLite store.") { events };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(events), cancellationToken));
        return command;
    }

    public static Command CreateGenerator()
    {
        var events = new Option<int>("--events") { Description = "How many events to generate.", DefaultValueFactory = _ => 100_000 };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the file.", Required = true };
        var command = new Command("generate-curated", "Write a generated curated JSON file, for trying `import` by hand.") { events, output };
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(output)!; // Required option.
            CuratedFileGenerator.Write(file.FullName, parseResult.GetValue(events));
            Console.WriteLine($"Wrote {parseResult.GetValue(events):N0} events to {file.FullName} ({new FileInfo(file.FullName).Length / 1_048_576.0:0.0} MB).");
        });
        return command;
    }

    private static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("borderalertbot-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "events.json");
            CuratedFileGenerator.Write(file, count);
            var time = TimeProvider.System;
            using var database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { Path = Path.Combine(folder.FullName, "events.db") }), time, NullLogger<SqliteDatabase>.Instance);
            var importer = new EventImporter(new SqliteEventStore(database, new ChangeSignal(time)), time);

            var parse = Stopwatch.StartNew();
            var parsed = 0;
            await foreach (var record in CuratedJsonReader.ReadFileAsync(file, cancellationToken))
            {
                parsed += record.Event is null ? 0 : 1;
            }

            parse.Stop();
            var first = await TimeImportAsync(importer, file, cancellationToken);
            var second = await TimeImportAsync(importer, file, cancellationToken);

            new Measurement(Name, "events", count, "count").Print();
            new Measurement(Name, "file_size", new FileInfo(file).Length / 1_048_576.0, "MB").Print();
            new Measurement(Name, "read_and_validate_only", parse.Elapsed.TotalSeconds, "s").Print();
            new Measurement(Name, "first_import", first.Elapsed.TotalSeconds, "s").Print();
            new Measurement(Name, "first_import_rate", count / first.Elapsed.TotalSeconds, "events/s").Print();
            new Measurement(Name, "first_import_added", first.Summary.Added, "count").Print();
            new Measurement(Name, "second_import", second.Elapsed.TotalSeconds, "s").Print();
            new Measurement(Name, "second_import_unchanged", second.Summary.Unchanged, "count").Print();
            new Measurement(Name, "peak_working_set", Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0, "MB").Print();
            return first.Summary.Added == count && second.Summary.Unchanged == count ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, ImportSummary Summary)> TimeImportAsync(EventImporter importer, string file, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var summary = await importer.ImportAsync(CuratedJsonReader.ReadFileAsync(file, cancellationToken), new ImportOptions(DryRun: false, "benchmark"), cancellationToken);
        return (stopwatch.Elapsed, summary);
    }
}
