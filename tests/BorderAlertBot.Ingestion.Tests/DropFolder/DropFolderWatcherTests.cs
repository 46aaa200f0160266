using BorderAlertBot.Ingestion.DropFolder;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fakes;
using BorderAlertBot.Testing.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Tests.DropFolder;

/// <summary>The drop folder on a real temp folder, importing into a real SQLite file.</summary>
public sealed class DropFolderWatcherTests : IDisposable
{
    private readonly SqliteImportHarness _harness = new();
    private readonly TempDirectory _folder = new();
    private readonly InMemorySourceStateStore _states = new();
    private readonly DropFolderWatcher _watcher;

    public DropFolderWatcherTests() =>
        _watcher = new DropFolderWatcher(
            _harness.Files(), _states, Options.Create(new DropFolderOptions { Path = _folder.Path, PollInterval = TimeSpan.FromSeconds(30) }),
            _harness.Time, NullLogger<DropFolderWatcher>.Instance);

    public void Dispose()
    {
        _folder.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task Complete_files_of_both_formats_are_imported_and_moved_to_processed()
    {
        // Arrange
        _folder.Write("desk.json", CuratedJsonBuilder.File(new CuratedJsonBuilder().Build(), new CuratedJsonBuilder().Build()));
        _folder.Write("acled.csv", AcledCsv.Current(new AcledRowBuilder(), new AcledRowBuilder().WithType("Protests", "Peaceful protest")));

        // Act: the first look sees them, the second finds them unchanged.
        var firstLook = await ScanAsync();
        var secondLook = await ScanAsync();

        // Assert
        Assert.Empty(firstLook);
        Assert.Equal(["acled.csv", "desk.json"], secondLook.Select(file => file.Name));
        Assert.All(secondLook, file => Assert.False(file.Failed));
        Assert.Equal(["acled.csv", "desk.json"], Files("processed"));
        Assert.Empty(Files(string.Empty));
        Assert.Equal(3, await _harness.Queries.CountAsync(CancellationToken.None));
        var state = (await _states.TryGetAsync("folder", CancellationToken.None))!;
        Assert.Equal((3L, _harness.Time.GetUtcNow().AddSeconds(-1), 0, null), (state.ItemsSeen, state.LastSuccessAt, state.ConsecutiveFailures, state.LastError));
    }

    [Fact]
    public async Task A_file_still_being_written_is_left_until_it_stops_changing()
    {
        // Arrange
        var rows = new[] { new AcledRowBuilder(), new AcledRowBuilder() };
        var csv = AcledCsv.Current(rows);
        var path = _folder.Write("acled.csv", csv[..(csv.Length / 2)]);
        await ScanAsync();

        // Act
        File.AppendAllText(path, csv[(csv.Length / 2)..]);
        var whileGrowing = await ScanAsync();
        var onceStill = await ScanAsync();

        // Assert
        Assert.Empty(whileGrowing);
        var taken = Assert.Single(onceStill);
        Assert.Equal((2, false), (taken.Result!.Summary.Added, taken.Failed));
    }

    [Fact]
    public async Task A_file_last_written_a_poll_interval_ago_is_taken_at_the_first_look()
    {
        var path = _folder.Write("old.csv", AcledCsv.Current(new AcledRowBuilder()));
        File.SetLastWriteTimeUtc(path, _harness.Time.GetUtcNow().UtcDateTime.AddMinutes(-5));

        var taken = Assert.Single(await ScanAsync());

        Assert.Equal("old.csv", taken.Name);
    }

    [Fact]
    public async Task Temporary_names_are_never_taken_so_write_then_rename_is_safe()
    {
        // Arrange
        var csv = AcledCsv.Current(new AcledRowBuilder());
        _folder.Write(".acled.csv", csv);
        _folder.Write("acled.csv.part", csv);
        _folder.Write("acled.tmp", csv);

        // Act
        await ScanAsync();
        await ScanAsync();
        File.Move(_folder.File("acled.csv.part"), _folder.File("acled.csv"));
        await ScanAsync();
        var renamed = await ScanAsync();

        // Assert
        Assert.Equal("acled.csv", Assert.Single(renamed).Name);
        Assert.Equal([".acled.csv", "acled.tmp"], Files(string.Empty));
    }

    [Fact]
    public async Task A_file_with_a_rejected_record_goes_to_failed_with_a_report_and_its_good_records_are_in()
    {
        // Arrange: the second row has no usable date; the third's notes span two lines.
        var good = new[] { new AcledRowBuilder(), new AcledRowBuilder().With("notes", "Shelling\nresumed.") };
        _folder.Write("acled.csv", AcledCsv.Current(good[0], new AcledRowBuilder().With("event_date", "soon"), good[1]));

        // Act
        await ScanAsync();
        var failed = Assert.Single(await ScanAsync());

        // Assert
        Assert.True(failed.Failed);
        Assert.Equal(["acled.csv", "acled.csv.errors.txt"], Files("failed"));
        var report = File.ReadAllText(_folder.File("failed/acled.csv.errors.txt"));
        Assert.Contains("File:     acled.csv", report, StringComparison.Ordinal);
        Assert.Contains("Result:   2 added, 0 revised, 0 unchanged, 1 rejected, 0 out of scope", report, StringComparison.Ordinal);
        Assert.Contains("line 3\tevent_date\t'soon' is not a date (2023-10-27, 2023-10-27T00:00:00Z or 27 October 2023)", report, StringComparison.Ordinal);
        Assert.Equal(2, await _harness.Queries.CountAsync(CancellationToken.None));
        var state = (await _states.TryGetAsync("folder", CancellationToken.None))!;
        Assert.Equal("acled.csv went to failed/ (1 rejected); see acled.csv.errors.txt", state.LastError);
        Assert.Equal(0, state.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_as_its_format_goes_to_failed_with_the_reason()
    {
        _folder.Write("notes.csv", "just,some,columns\n1,2,3\n");
        _folder.Write("broken.json", "{ \"events\": [ { \"id\": ");

        await ScanAsync();
        var done = await ScanAsync();

        Assert.All(done, file => Assert.True(file.Failed));
        Assert.Equal(["broken.json", "broken.json.errors.txt", "notes.csv", "notes.csv.errors.txt"], Files("failed"));
        Assert.Contains("is this an ACLED export?", File.ReadAllText(_folder.File("failed/notes.csv.errors.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dropping_the_same_file_again_adds_nothing_and_both_copies_are_kept_under_distinct_names()
    {
        // Arrange
        var csv = AcledCsv.Current(new AcledRowBuilder(), new AcledRowBuilder());
        _folder.Write("acled.csv", csv);
        await ScanAsync();
        await ScanAsync();

        // Act
        _folder.Write("acled.csv", csv);
        await ScanAsync();
        var again = Assert.Single(await ScanAsync());

        // Assert
        Assert.Equal("0 added, 0 revised, 2 unchanged, 0 rejected, 0 out of scope", again.Result!.ToString());
        Assert.Equal(["acled (2).csv", "acled.csv"], Files("processed"));
        Assert.Equal(2, await _harness.Queries.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_made_is_a_failure_in_the_folders_health()
    {
        // Arrange: the configured path is a file, so the folder cannot exist.
        var notAFolder = _folder.Write("taken", "x");
        var watcher = new DropFolderWatcher(_harness.Files(), _states, Options.Create(new DropFolderOptions { Path = notAFolder }),
            _harness.Time, NullLogger<DropFolderWatcher>.Instance);

        // Act
        await watcher.ScanAsync(CancellationToken.None);

        // Assert
        var state = (await _states.TryGetAsync("folder", CancellationToken.None))!;
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.StartsWith("the folder cannot be read: ", state.LastError, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<DropFolderFile>> ScanAsync()
    {
        var done = await _watcher.ScanAsync(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        return done;
    }

    private List<string> Files(string subfolder) =>
        [.. Directory.EnumerateFiles(Path.Combine(_folder.Path, subfolder)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
