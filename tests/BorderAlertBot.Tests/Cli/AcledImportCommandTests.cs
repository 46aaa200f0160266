using BorderAlertBot.Cli;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

/// <summary><c>import</c> with ACLED exports: the format told by extension or content or <c>--format</c>, rows out of scope counted.</summary>
public sealed class AcledImportCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public AcledImportCommandTests() => _cli = new CliRunner(_data.DatabasePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_ACLED_export_imports_as_verified_events_and_the_summary_counts_rows_out_of_scope()
    {
        // Arrange
        var clash = new AcledRowBuilder().With("event_id_cnty", "MMR22121");
        var file = _data.Write("acled-2024-01.csv", AcledCsv.Current(clash, new AcledRowBuilder().WithType("Protests", "Peaceful protest")));

        // Act
        var first = await _cli.RunAsync("import", file);
        var again = await _cli.RunAsync("import", file);
        var shown = await _cli.RunAsync("events", "show", "evt_acled_mmr22121");

        // Assert
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("Imported acled-2024-01.csv: 1 added, 0 revised, 0 unchanged, 0 rejected, 1 out of scope (rows the bot does not track, not errors: 1 Protests / Peaceful protest)", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 revised, 1 unchanged, 0 rejected, 1 out of scope", again.Output, StringComparison.Ordinal);
        Assert.Contains("Armed clash at Laukkai (MNDAA, Myanmar military)", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Verified", shown.Output, StringComparison.Ordinal);
        Assert.Contains("CN-MM", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_their_line_and_column_and_the_exit_code_says_some_failed()
    {
        var file = _data.Write("acled.csv", AcledCsv.Current(
            new AcledRowBuilder().With("notes", "Two\nlines"), new AcledRowBuilder().With("geo_precision", "7"), new AcledRowBuilder()));

        var result = await _cli.RunAsync("import", file);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("acled.csv: line 4 (record 1), geo_precision: '7' must be 1, 2 or 3", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 added, 0 revised, 0 unchanged, 1 rejected, 0 out of scope", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_format_is_told_from_the_content_when_the_name_does_not_say_and_format_overrides_both()
    {
        var acled = _data.Write("export.txt", AcledCsv.Current(new AcledRowBuilder()));
        var unknown = _data.Write("notes.txt", "nothing to see here");

        var detected = await _cli.RunAsync("import", acled);
        var undetectable = await _cli.RunAsync("import", unknown);
        var forced = await _cli.RunAsync("import", "--format", "curated", acled);
        var invalid = await _cli.RunAsync("import", "--format", "gdelt", acled);

        Assert.Contains("1 added", detected.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, undetectable.ExitCode);
        Assert.Contains("say which with --format curated|acled", undetectable.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, forced.ExitCode);
        Assert.Contains("JSON is malformed", forced.Error, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Success, invalid.ExitCode);
        Assert.Contains("gdelt", invalid.Error, StringComparison.Ordinal);
    }
}
