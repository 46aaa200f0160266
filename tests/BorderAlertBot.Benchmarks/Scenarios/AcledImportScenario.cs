using System.CommandLine;
using System.Diagnostics;
using BorderAlertBot.Curation;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Files;
using BorderAlertBot.Sources;
using BorderAlertBot.Storage;
using BorderAlertBot.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Benchmarks.Scenarios;

/// <summary>
/// <c>import</c> (ARCHITECTURE.md §12): a generated ACLED export of <c>--rows</c> rows imported as <c>import FILE</c> does —
/// the CSV reader, the mapper, the border enricher, the importer and the SQLite store, every document, change-feed entry,
/// full-text row, external id and per-day count written — into a fresh database; and, in the same run, <c>sqlite3 .import</c> of the same
/// file into a fresh database as the baseline. Target: 1,000,000 rows in ≤ 30 s with a peak of ≤ 300 MB.
/// </summary>
public static class AcledImportScenario
{
    private const string Name = "import";

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "How many ACLED rows to generate.", DefaultValueFactory = _ => 1_000_000 };
        var sqlite3 = new Option<string>("--sqlite3") { Description = "The sqlite3 shell for the baseline.", DefaultValueFactory = _ => "/usr/bin/sqlite3" };
        var again = new Option<bool>("--again") { Description = "Import the file a second time (everything must be unchanged)." };
        var order = new Option<string>("--order") { Description = "newest-first (as ACLED's exports list rows) or random (event dates shuffled).", DefaultValueFactory = _ => "newest-first" };
        order.AcceptOnlyFromAmong("newest-first", "random");
        var phases = new Option<bool>("--phases") { Description = "First time reading and mapping alone, then with the border enricher and fingerprints (three extra passes over the file)." };
        var command = new Command(Name, "Import a generated ACLED export into a fresh SQLite store, with sqlite3 .import as the baseline.") { rows, sqlite3, again, phases, order };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(rows), parseResult.GetValue(order) == "newest-first", parseResult.GetValue(sqlite3)!, parseResult.GetValue(again), parseResult.GetValue(phases), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int rows, bool newestFirst, string sqlite3, bool again, bool phases, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("borderalertbot-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "acled.csv");
            var generate = Stopwatch.StartNew();
            AcledFileGenerator.Write(file, rows, newestFirst);
            new Measurement(Name, "rows", rows, "count").Print();
            new Measurement(Name, "file_size", new FileInfo(file).Length / 1_048_576.0, "MB").Print();
            new Measurement(Name, "generate_seconds", generate.Elapsed.TotalSeconds, "s").Print();

            var baseline = await Sqlite3ImportAsync(sqlite3, file, Path.Combine(folder.FullName, "baseline.db"), cancellationToken);
            new Measurement(Name, "sqlite3_import_seconds", baseline.TotalSeconds, "s").Print();
            new Measurement(Name, "sqlite3_rows_per_second", rows / baseline.TotalSeconds, "rows/s").Print();

            var time = TimeProvider.System;
            using var database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { Path = Path.Combine(folder.FullName, "events.db") }), time, NullLogger<SqliteDatabase>.Instance);
            await database.EnsureMigratedAsync(cancellationToken);
            var store = new SqliteEventStore(database, new ChangeSignal(time));
            var enricher = new BorderEnrichment(new BorderLocator(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions()));
            var importer = new FileImporter(new EventImporter(store, time, enricher), Options.Create(new SourcesOptions()));
            if (phases)
            {
                await TimePhasesAsync(file, enricher, cancellationToken);
            }

            GC.Collect();

            var gcBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            FileImportResult result;
            TimeSpan elapsed;
            double peakWorkingSet;
            double peakHeap;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            using (var peak = new PeakMemory())
            {
                var stopwatch = Stopwatch.StartNew();
                result = await importer.ImportAsync(file, ImportFormat.Acled, new ImportOptions(DryRun: false, "benchmark"), cancellationToken);

                // Until the search index, written on its own thread, has every event: what a search right after would wait for.
                await database.SearchIndex.CatchUpAsync(cancellationToken);
                elapsed = stopwatch.Elapsed;
                peakWorkingSet = peak.WorkingSetMegabytes;
                peakHeap = peak.HeapMegabytes;
            }

            new Measurement(Name, "import_seconds", elapsed.TotalSeconds, "s").Print();
            new Measurement(Name, "import_rows_per_second", rows / elapsed.TotalSeconds, "rows/s").Print();
            new Measurement(Name, "import_cpu_seconds", (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, "s").Print();
            new Measurement(Name, "ratio_to_sqlite3", elapsed.TotalSeconds / baseline.TotalSeconds, "x").Print();
            new Measurement(Name, "added", result.Summary.Added, "count").Print();
            new Measurement(Name, "out_of_scope", result.OutOfScope, "count").Print();
            new Measurement(Name, "rejected", result.Summary.Rejected, "count").Print();
            new Measurement(Name, "peak_working_set", peakWorkingSet, "MB").Print();
            new Measurement(Name, "peak_gc_heap", peakHeap, "MB").Print();
            new Measurement(Name, "gc_pause", (GC.GetTotalPauseDuration() - gcBefore).TotalMilliseconds, "ms").Print();
            new Measurement(Name, "allocated_per_row", (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)rows, "bytes").Print();
            new Measurement(Name, "gc_gen0_gen1_gen2", 0, $"{GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}").Print();
            var written = await CountWrittenAsync(database, cancellationToken);
            new Measurement(Name, "written_events_changes_fts_external_ids_day_counted", 0, string.Join('/', written)).Print();
            await TimeSearchesAsync(database, cancellationToken);

            var ok = result.Summary.Added > 0 && result.Summary.Rejected == 0 && written.All(count => count == result.Summary.Added);
            if (again)
            {
                var second = Stopwatch.StartNew();
                var repeat = await importer.ImportAsync(file, ImportFormat.Acled, new ImportOptions(DryRun: false, "benchmark"), cancellationToken);
                new Measurement(Name, "second_import_seconds", second.Elapsed.TotalSeconds, "s").Print();
                new Measurement(Name, "second_import_unchanged", repeat.Summary.Unchanged, "count").Print();
                ok &= repeat.Summary.Unchanged == result.Summary.Added;
            }

            new Measurement(Name, "process_peak_working_set", Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0, "MB").Print();
            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>What the import costs before the store: reading and mapping the rows, then also placing them on the border and fingerprinting them.</summary>
    private static async Task TimePhasesAsync(string file, BorderEnrichment enricher, CancellationToken cancellationToken)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var read = Stopwatch.StartNew();
        var events = 0;
        await foreach (var record in Ingestion.Acled.AcledCsvReader.ReadFileAsync(file, new Ingestion.Acled.AcledReadTally(), cancellationToken))
        {
            events += record.Event is null ? 0 : 1;
        }

        new Measurement(Name, "read_and_map_only_seconds", read.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "read_and_map_only_allocated_per_event", (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)events, "bytes").Print();
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        var enrich = Stopwatch.StartNew();
        await foreach (var record in Ingestion.Acled.AcledCsvReader.ReadFileAsync(file, new Ingestion.Acled.AcledReadTally(), cancellationToken))
        {
            if (record.Event is { } conflictEvent)
            {
                _ = enricher.Enrich(conflictEvent);
            }
        }

        new Measurement(Name, "read_map_and_enrich_seconds", enrich.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "read_map_and_enrich_allocated_per_event", (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)events, "bytes").Print();
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        var fingerprint = Stopwatch.StartNew();
        await foreach (var record in Ingestion.Acled.AcledCsvReader.ReadFileAsync(file, new Ingestion.Acled.AcledReadTally(), cancellationToken))
        {
            if (record.Event is { } conflictEvent)
            {
                _ = Serialization.EventDocument.Fingerprint(enricher.Enrich(conflictEvent));
            }
        }

        new Measurement(Name, "read_map_enrich_and_fingerprint_seconds", fingerprint.Elapsed.TotalSeconds, "s").Print();
        new Measurement(Name, "read_map_enrich_and_fingerprint_allocated_per_event", (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)events, "bytes").Print();
        new Measurement(Name, "events_read", events, "count").Print();
    }

    /// <summary>
    /// Searches over the imported events, as <c>/border search</c> runs them (ten best matches), each of a handful of texts
    /// from one word matching most events to several matching few: the full-text index as the import left it.
    /// </summary>
    private static async Task TimeSearchesAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        string[] texts = ["clash", "laukkai", "air strike", "MNDAA muse", "border gate closed", "kachin", "trucks burned", "ceasefire kunming"];
        var queries = new SqliteEventQueries(database);
        var times = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            foreach (var text in texts)
            {
                var stopwatch = Stopwatch.StartNew();
                _ = await queries.SearchAsync(text, EventFilter.Everything, 10, cancellationToken);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        new Measurement(Name, "search_after_import_p50_ms", times[times.Count / 2], "ms").Print();
        new Measurement(Name, "search_after_import_p99_ms", times[(int)Math.Ceiling(times.Count * 0.99) - 1], "ms").Print();
        new Measurement(Name, "search_after_import_max_ms", times[^1], "ms").Print();
    }

    /// <summary>The baseline: the sqlite3 shell's CSV import of the same file into a new table (the header names the columns).</summary>
    private static async Task<TimeSpan> Sqlite3ImportAsync(string sqlite3, string file, string database, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(sqlite3) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { database, ".mode csv", $".import {file} acled", "SELECT count(*) FROM acled;" })
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{sqlite3} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = stopwatch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sqlite3 failed ({process.ExitCode}): {errors}");
        }

        new Measurement(Name, "sqlite3_rows", double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture), "count").Print();
        return elapsed;
    }

    /// <summary>
    /// What the import wrote: events, change-feed entries, full-text rows (in the search index's own file), external ids,
    /// and the events the per-day counts hold. (A new event's document is stored once, in <c>events</c>; <c>event_revisions</c> keeps only replaced ones.)
    /// </summary>
    private static async Task<long[]> CountWrittenAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS counted_search;";
            attach.Parameters.AddWithValue("$path", database.SearchIndex.FilePath);
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }

        var counts = new List<long>();
        foreach (var count in new[] { "count(*) FROM events", "count(*) FROM change_feed", "count(*) FROM counted_search.events_fts", "count(*) FROM event_external_ids", "total(count) FROM event_day_counts" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {count};";
            counts.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }

        await using (var detach = connection.CreateCommand())
        {
            detach.CommandText = "DETACH DATABASE counted_search;"; // The connection goes back to the pool as the searches expect it.
            await detach.ExecuteNonQueryAsync(cancellationToken);
        }

        return [.. counts];
    }
}
