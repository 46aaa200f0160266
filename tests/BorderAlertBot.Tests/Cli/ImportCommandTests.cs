using System.Text;
using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public ImportCommandTests() => _cli = new CliRunner(_data.DatabasePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Importing_a_file_twice_adds_then_reports_everything_unchanged()
    {
        var file = _data.Write("events.json", CuratedFile(Record("evt_a", "Clash at Muse"), Record("evt_b", "Clash at Laiza")));

        var first = await _cli.RunAsync("import", file);
        var second = await _cli.RunAsync("import", file);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("Imported events.json: 2 added, 0 revised, 0 unchanged, 0 rejected", first.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("Imported events.json: 0 added, 0 revised, 2 unchanged, 0 rejected", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_record_becomes_a_revision_shown_by_events_show()
    {
        await _cli.RunAsync("import", _data.Write("v1.json", CuratedFile(Record("evt_a", "Clash at Muse"))));

        var revised = await _cli.RunAsync("import", "--curator", "night-desk", _data.Write("v2.json", CuratedFile(Record("evt_a", "Heavy clash at Muse"))));
        var shown = await _cli.RunAsync("events", "show", "evt_a");

        Assert.Contains("0 added, 1 revised, 0 unchanged, 0 rejected", revised.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Contains("Heavy clash at Muse", shown.Output, StringComparison.Ordinal);
        Assert.Contains("1. ", shown.Output, StringComparison.Ordinal);
        Assert.Contains("2. ", shown.Output, StringComparison.Ordinal);
        Assert.Contains("by night-desk: title changed", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_records_are_reported_with_line_and_field_and_the_good_ones_still_import()
    {
        // Arrange: the second record has no title, the third a source that is not a URL.
        var file = _data.Write("mixed.json", CuratedFile(
            Record("evt_good_one", "Clash at Muse"),
            Record("evt_no_title", null),
            Record("evt_bad_url", "Gate closed", url: "not a url"),
            Record("evt_good_two", "Clash at Laiza")));

        // Act
        var result = await _cli.RunAsync("import", file);
        var listed = await _cli.RunAsync("events", "list");

        // Assert
        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("2 added, 0 revised, 0 unchanged, 2 rejected", result.Output, StringComparison.Ordinal);
        Assert.Contains("mixed.json: line 15 (record 1), title: is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("mixed.json: line 27 (record 2), sources[0].url: 'not a url' must be an absolute http(s) URL", result.Error, StringComparison.Ordinal);
        Assert.Contains("evt_good_one", listed.Output, StringComparison.Ordinal);
        Assert.Contains("evt_good_two", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_bad_url", listed.Output, StringComparison.Ordinal);
        Assert.Contains("2 events.", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing()
    {
        var file = _data.Write("events.json", CuratedFile(Record("evt_a", "Clash at Muse")));

        var dryRun = await _cli.RunAsync("import", file, "--dry-run");
        var listed = await _cli.RunAsync("events", "list");

        Assert.Contains("1 added, 0 revised, 0 unchanged, 0 rejected (dry run: nothing was written)", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("No events match.", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_reported_while_a_large_file_imports()
    {
        var records = Enumerable.Range(0, 1_200).Select(i => Record($"evt_bulk_{i}", $"Clash number {i}")).ToArray();
        var file = _data.Write("bulk.json", CuratedFile(records));

        var result = await _cli.RunAsync("import", file);

        Assert.Contains("records read (", result.Output, StringComparison.Ordinal);
        Assert.Contains("1200 added", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var result = await _cli.RunAsync("import", _data.Folder + "/nowhere.json");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("No such file: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("nowhere.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_list_names_a_bad_filter_value_and_the_valid_ones()
    {
        var result = await _cli.RunAsync("events", "list", "--kind", "clash", "--min-severity", "9");

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("--kind 'clash' is not one of BorderClash, CeasefireCall, TradeDisruption", result.Error, StringComparison.Ordinal);
        Assert.Contains("--min-severity must be 1 (Low) to 5 (Critical)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_search_and_filters_find_imported_events()
    {
        await _cli.RunAsync("import", _data.Write("events.json", CuratedFile(
            Record("evt_muse", "Clash at Muse gate"), Record("evt_laiza", "Shelling near Laiza", subtype: "Shelling"))));

        var search = await _cli.RunAsync("events", "search", "laiza");
        var filtered = await _cli.RunAsync("events", "list", "--min-severity", "3");

        Assert.Contains("evt_laiza", search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_muse", search.Output, StringComparison.Ordinal);
        Assert.Contains("evt_laiza", filtered.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_muse", filtered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_show_of_an_unknown_id_says_so()
    {
        var result = await _cli.RunAsync("events", "show", "evt_nothing_here");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("No event evt_nothing_here in the store.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Each record takes exactly 12 lines, so record i starts on line 3 + 12 × i.</summary>
    private static string Record(string id, string? title, string url = "https://www.irrawaddy.com/news/a.html", string subtype = "ArmedClash") =>
        $$"""
            {
              "id": "{{id}}",
              "kind": "BorderClash",
              "subtype": "{{subtype}}",
              {{(title is null ? "\"summary\": \"no title here\"," : $"\"title\": \"{title}\",")}}
              "occurred": { "at": "2023-11-23" },
              "location": { "country": "MM", "admin1": "Shan-North", "place": "Muse", "lat": 23.9933, "lon": 97.9103, "precision": "exact" },
              "sources": [ { "name": "The Irrawaddy", "url": "{{url}}" } ],
              "status": "Verified",
              "curator": null,
              "border": "CN-MM"
            }
        """;

    private static string CuratedFile(params string[] records)
    {
        var text = new StringBuilder("{\n  \"events\": [\n");
        text.Append(string.Join(",\n", records));
        text.Append("\n  ]\n}\n");
        return text.ToString();
    }
}
