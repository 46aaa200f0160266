using BorderAlertBot.Curation;

namespace BorderAlertBot.Core.Tests.Curation;

public sealed class ImportSummaryTests
{
    [Fact]
    public void The_summary_counts_each_outcome()
    {
        var summary = new ImportSummary(2, 1, 0, 1, [], DryRun: false);

        Assert.Equal("2 added, 1 revised, 0 unchanged, 1 rejected", summary.ToString());
        Assert.Equal(4, summary.Total);
    }

    [Fact]
    public void A_dry_run_says_nothing_was_written()
    {
        var summary = new ImportSummary(2, 1, 0, 1, [], DryRun: true);

        Assert.Equal("2 added, 1 revised, 0 unchanged, 1 rejected (dry run: nothing was written)", summary.ToString());
    }
}
