using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

/// <summary><c>query …</c> answers what a channel can ask with <c>/border</c>, on a store holding the sample scenario.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public QueryCommandTests() => _cli = new CliRunner(_data.DatabasePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Latest_lists_the_newest_verified_clashes_on_the_border_newest_first()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "latest", "clash", "CN-MM", "3");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("Latest border clash events in CN-MM", result.Output, StringComparison.Ordinal);
        var lines = result.Output.Split('\n').Where(line => line.StartsWith('•')).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("evt_laukkai_surrender_2024", lines[0], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Contains("https://", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Latest_as_of_a_moment_lists_only_what_had_occurred_by_then()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "--at", "2023-11-10T00:00Z", "latest", "clash", "CN-MM", "3");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.Split('\n').Where(line => line.StartsWith('•')).ToList();
        Assert.Contains("evt_kunlong_ib143_surrender_2023", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("evt_laukkai_surrender_2024", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_compares_each_kind_with_the_period_before_lists_the_worst_events_and_writes_its_chart()
    {
        // Arrange
        await ImportSampleAsync();
        var charts = Path.Combine(_data.Folder, "charts");

        // Act
        var result = await _cli.RunAsync("query", "--at", "2023-11-15T00:00Z", "--out", charts, "summary", "30d");

        // Assert
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Summary of the last 30 days", result.Output, StringComparison.Ordinal);
        Assert.Contains("Border clash: 5 (+400 % on the 1 the period before)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Top events by severity", result.Output, StringComparison.Ordinal);
        Assert.Contains("[CRITICAL 5/5] MNDAA seizes Chinshwehaw", result.Output, StringComparison.Ordinal);
        var png = Assert.Single(System.IO.Directory.GetFiles(charts, "*.png"));
        Assert.Equal("events-per-day-2023-10-16-to-2023-11-15.png", Path.GetFileName(png));
        Assert.True(new FileInfo(png).Length > 5_000);
    }

    [Fact]
    public async Task A_summary_for_a_place_counts_only_the_events_within_its_radius()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "--at", "2023-11-15T00:00Z", "summary", "30d", "chinshwehaw~5km");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Summary of the last 30 days in chinshwehaw~5km", result.Output, StringComparison.Ordinal);
        Assert.Contains("Border clash: 1 (none the period before)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Ceasefire call: 0 (none the period before)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Trade disruption: 1 (none the period before)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_kunlong_ib143_surrender_2023", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crossings_shows_chinshwehaw_closed_since_the_first_day_of_operation_1027()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "--at", "2023-11-01T00:00Z", "crossings");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Chinshwehaw: closed since 2023-10-27 · last: Trade through the Chinshwehaw crossing to China halted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_shows_one_event_in_full_with_its_revisions()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "event", "evt_kyin_san_kyawt_trucks_burned_2023");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Sources (", result.Output, StringComparison.Ordinal);
        Assert.Contains("Revisions:", result.Output, StringComparison.Ordinal);
        Assert.Contains("  2 · ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_events_by_their_words()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "search", "air strike");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("evt_laiza_camp_strike_2023", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_region_is_named_with_what_was_probably_meant_and_nothing_runs()
    {
        var result = await _cli.RunAsync("query", "latest", "region:myanmar-china");

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("region:", result.Error, StringComparison.Ordinal);
        Assert.Contains("CN-MM", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_from_the_command_line_subscribes_the_console_channel_and_previews_the_week_before()
    {
        await ImportSampleAsync();

        var result = await _cli.RunAsync("query", "--at", "2023-11-03T00:00Z", "subscribe", "clash", "CN-MM");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("Subscribed this channel: sub_", result.Output, StringComparison.Ordinal);
        Assert.Contains("Preview: in the last 7 days this would have sent 2 alerts:", result.Output, StringComparison.Ordinal);
        Assert.Contains("evt_chinshwehaw_seized_2023", result.Output, StringComparison.Ordinal);
        Assert.Contains("evt_nshan_displacement_2023", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_chinshwehaw_crossing_closed_2023", result.Output, StringComparison.Ordinal);
        var list = await _cli.RunAsync("subscriptions", "list");
        Assert.Contains("→ console:default [active]", list.Output, StringComparison.Ordinal);
        Assert.Contains("filters: BorderClash · in CN-MM · verified only", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_channel_subcommand_answers_on_the_command_line_for_the_channel_it_names()
    {
        // Arrange
        await ImportSampleAsync();
        string[] channel = ["--channel", "console:newsdesk"];
        await _cli.RunAsync(["query", .. channel, "subscribe", "kinds:trade", "regions:CN-MM"]);

        // Act
        var subscriptions = await _cli.RunAsync(["query", .. channel, "subscriptions"]);
        var why = await _cli.RunAsync(["query", .. channel, "why", "evt_laiza_camp_strike_2023"]);
        var digest = await _cli.RunAsync(["query", .. channel, "digest", "07:30", "Asia/Yangon"]);
        var mute = await _cli.RunAsync(["query", .. channel, "mute", "2h"]);
        var unmute = await _cli.RunAsync(["query", .. channel, "unmute"]);
        var elsewhere = await _cli.RunAsync("query", "subscriptions");
        var unsubscribe = await _cli.RunAsync(["query", .. channel, "unsubscribe", "all"]);

        // Assert
        Assert.All(new[] { subscriptions, why, digest, mute, unmute, elsewhere, unsubscribe }, result => Assert.Equal(ExitCodes.Success, result.ExitCode));
        Assert.Contains("Subscriptions in this channel (1)", subscriptions.Output, StringComparison.Ordinal);
        Assert.Contains("TradeDisruption · in CN-MM · verified only · active", subscriptions.Output, StringComparison.Ordinal);
        Assert.Contains("not matched (judged against the filters as they are now): kind: BorderClash is not one of TradeDisruption", why.Output, StringComparison.Ordinal);
        Assert.StartsWith("Daily digest at 07:30 Asia/Yangon", digest.Output, StringComparison.Ordinal);
        Assert.StartsWith("Muted for 2h", mute.Output, StringComparison.Ordinal);
        Assert.StartsWith("Unmuted", unmute.Output, StringComparison.Ordinal);
        Assert.Contains("This channel has no subscriptions", elsewhere.Output, StringComparison.Ordinal);
        Assert.StartsWith("Unsubscribed", unsubscribe.Output, StringComparison.Ordinal);
        Assert.Contains("0 subscriptions.", (await _cli.RunAsync("subscriptions", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_that_is_not_a_target_is_named_and_nothing_runs()
    {
        var result = await _cli.RunAsync("query", "--channel", "irc:#border", "subscriptions");

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("--channel: a target is console[:name], discord-channel:ID", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_that_does_not_exist_gets_a_private_pointer_to_search()
    {
        var result = await _cli.RunAsync("query", "event", "evt_nothing_here");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("no event evt_nothing_here", result.Output, StringComparison.Ordinal);
        Assert.Contains("(only you can see this)", result.Output, StringComparison.Ordinal);
    }

    private Task ImportSampleAsync() => _cli.ImportSampleAsync(_data);
}
