using System.Text;
using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

public sealed class EventsCurationCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public EventsCurationCommandTests() => _cli = new CliRunner(_data.DatabasePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_curator_lists_the_pending_candidates_approves_one_and_rejects_another_with_a_reason()
    {
        // Arrange
        await ImportAsync(Record("evt_rumour", "Gate reportedly shut", "Pending"), Record("evt_claim", "Clash at Muse", "Pending"), Record("evt_known", "Known clash", "Verified"));

        // Act
        var pending = await _cli.RunAsync("events", "pending");
        var approved = await _cli.RunAsync("events", "approve", "evt_claim", "--curator", "mya");
        var unexplained = await _cli.RunAsync("events", "reject", "evt_rumour");
        var rejected = await _cli.RunAsync("events", "reject", "evt_rumour", "--reason", "single unsourced post", "--curator", "kyaw");
        var shown = await _cli.RunAsync("events", "show", "evt_rumour");
        var pendingAfter = await _cli.RunAsync("events", "pending");

        // Assert
        Assert.Contains("evt_rumour", pending.Output, StringComparison.Ordinal);
        Assert.Contains("evt_claim", pending.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_known", pending.Output, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, "evt_claim is now Verified (revision 2, by mya)."), (approved.ExitCode, approved.Output.Trim()));
        Assert.NotEqual(ExitCodes.Success, unexplained.ExitCode);
        Assert.Contains("--reason", unexplained.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, rejected.ExitCode);
        Assert.Contains("REJECTED · ", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected: single unsourced post", shown.Output, StringComparison.Ordinal);
        Assert.Contains("by kyaw: status Pending → Rejected: single unsourced post", shown.Output, StringComparison.Ordinal);
        Assert.Contains("No events match.", pendingAfter.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_action_says_why_and_fails()
    {
        await ImportAsync(Record("evt_known", "Known clash", "Verified"));

        var approve = await _cli.RunAsync("events", "approve", "evt_known");
        var missing = await _cli.RunAsync("events", "retract", "evt_nowhere", "--reason", "x");
        var notAnId = await _cli.RunAsync("events", "approve", "Known clash");

        Assert.Equal(ExitCodes.Failed, approve.ExitCode);
        Assert.Contains("evt_known is already Verified", approve.Error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Failed, "No event evt_nowhere."), (missing.ExitCode, missing.Error.Trim()));
        Assert.Equal(ExitCodes.InvalidConfiguration, notAnId.ExitCode);
        Assert.Contains("is not an event id", notAnId.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_folds_reports_into_an_event_and_split_gives_them_back()
    {
        // Arrange
        await ImportAsync(
            Record("evt_main", "Laukkai falls", "Verified", url: "https://www.irrawaddy.com/a"),
            Record("evt_report", "Laukkai taken", "Pending", url: "https://myanmar-now.org/b"));

        // Act
        var merged = await _cli.RunAsync("events", "merge", "evt_main", "evt_report", "--curator", "mya");
        var afterMerge = await _cli.RunAsync("events", "show", "evt_main");
        var split = await _cli.RunAsync("events", "split", "evt_main", "evt_report", "--curator", "mya");
        var afterSplit = await _cli.RunAsync("events", "show", "evt_report");

        // Assert
        Assert.Equal(ExitCodes.Success, merged.ExitCode);
        Assert.Contains("Merged evt_report into evt_main: 2 reports · 2 sources", merged.Output, StringComparison.Ordinal);
        Assert.Contains("Reports merged into it: evt_report", afterMerge.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, split.ExitCode);
        Assert.Contains("Split evt_report out of evt_main: it now has 1 report · 1 source.", split.Output, StringComparison.Ordinal);
        Assert.Contains("status Merged → Pending", afterSplit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_changes_fields_and_refuses_an_unknown_place_with_a_suggestion()
    {
        await ImportAsync(Record("evt_gate", "Gate closed", "Verified"));

        var corrected = await _cli.RunAsync("events", "correct", "evt_gate", "--title", "Chinshwehaw gate closed", "--place", "chinshwehaw",
            "--severity", "4", "--severity-reason", "largest crossing", "--curator", "mya");
        var badPlace = await _cli.RunAsync("events", "correct", "evt_gate", "--place", "Chinshwehw");
        var shown = await _cli.RunAsync("events", "show", "evt_gate");

        Assert.Equal(ExitCodes.Success, corrected.ExitCode);
        Assert.Contains("Chinshwehaw gate closed", shown.Output, StringComparison.Ordinal);
        Assert.Contains("set by curator: largest crossing", shown.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, badPlace.ExitCode);
        Assert.Contains("did you mean", badPlace.Error, StringComparison.Ordinal);
    }

    private async Task ImportAsync(params string[] records)
    {
        var text = new StringBuilder("{\n  \"events\": [\n").Append(string.Join(",\n", records)).Append("\n  ]\n}\n").ToString();
        var result = await _cli.RunAsync("import", _data.Write($"seed-{Guid.NewGuid():N}.json", text));
        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    private static string Record(string id, string title, string status, string url = "https://www.irrawaddy.com/news/a.html") =>
        $$"""
            {
              "id": "{{id}}",
              "kind": "BorderClash",
              "subtype": "ArmedClash",
              "title": "{{title}}",
              "occurred": { "at": "2024-01-05" },
              "location": { "country": "MM", "admin1": "Shan-North", "place": "Laukkai", "lat": 23.6916, "lon": 98.7641, "precision": "exact" },
              "actors": [ { "name": "MNDAA" } ],
              "sources": [ { "name": "Source", "url": "{{url}}" } ],
              "status": "{{status}}"
            }
        """;
}
