using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

/// <summary><c>digest preview</c> on a store holding the sample scenario.</summary>
public sealed class DigestPreviewCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public DigestPreviewCommandTests() => _cli = new CliRunner(_data.DatabasePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_preview_of_the_first_day_of_operation_1027_reads_like_a_briefing_and_writes_its_chart()
    {
        // Arrange: a channel watching the whole border, with a 07:30 digest in Yangon.
        await ImportSampleAsync();
        await _cli.RunAsync("query", "subscribe", "regions:CN-MM");
        await _cli.RunAsync("query", "digest", "07:30", "Asia/Yangon");
        var id = SubscriptionIdIn((await _cli.RunAsync("subscriptions", "list")).Output);
        var charts = Path.Combine(_data.Folder, "charts");

        // Act
        var result = await _cli.RunAsync("digest", "preview", "--subscription", id, "--at", "2023-10-27T02:00Z", "--out", charts);

        // Assert
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("Daily digest · Fri 27 Oct 2023", result.Output, StringComparison.Ordinal);
        Assert.Contains("3 events from Thu 26 Oct 07:30 to Fri 27 Oct 07:30 (Asia/Yangon) for all kinds · in CN-MM · verified only.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Border clashes: 2 · none the day before · 4-week average 0.25 a week (+5,500 %) · SURGE", result.Output, StringComparison.Ordinal);
        Assert.Contains("• [CRITICAL 5/5] MNDAA seizes Chinshwehaw and its border-trade checkpoints", result.Output, StringComparison.Ordinal);
        Assert.Contains("Chinshwehaw: closed since 2023-10-27", result.Output, StringComparison.Ordinal);
        Assert.Contains("10,000 displaced (as reported by Myanmar Now)", result.Output, StringComparison.Ordinal);
        var png = Assert.Single(Directory.GetFiles(charts, "*.png"));
        Assert.Equal("events-per-day-2023-09-30-to-2023-10-27.png", Path.GetFileName(png));
        Assert.True(new FileInfo(png).Length > 5_000);
    }

    [Fact]
    public async Task A_subscription_without_a_digest_previews_the_one_it_would_get_at_midnight_utc()
    {
        await ImportSampleAsync();
        await _cli.RunAsync("query", "subscribe", "kinds:ceasefire");
        var id = SubscriptionIdIn((await _cli.RunAsync("subscriptions", "list")).Output);

        var result = await _cli.RunAsync("digest", "preview", "--subscription", id, "--at", "2024-01-12T08:00Z");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith($"{id} has no digest set; this is the digest it would get daily at 00:00 UTC", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 event from Thu 11 Jan 00:00 to Fri 12 Jan 00:00 (UTC) for CeasefireCall · everywhere · verified only.", result.Output, StringComparison.Ordinal);
        Assert.Contains("evt_haigeng_ceasefire_2024", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-id", ExitCodes.InvalidConfiguration, "--subscription: 'not-an-id' is not a subscription id")]
    [InlineData("sub_aaaaaaaaaa", ExitCodes.Failed, "No subscription sub_aaaaaaaaaa.")]
    public async Task A_bad_or_unknown_subscription_is_named(string id, int exitCode, string message)
    {
        var result = await _cli.RunAsync("digest", "preview", "--subscription", id);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private static string SubscriptionIdIn(string listing) =>
        System.Text.RegularExpressions.Regex.Match(listing, "sub_[a-z0-9]{10}").Value;

    private Task ImportSampleAsync() => _cli.ImportSampleAsync(_data);
}
