using System.Text.RegularExpressions;
using BorderAlertBot.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

public sealed partial class SubscriptionsCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public SubscriptionsCommandTests() => _cli = new CliRunner(_data.DatabasePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_subscription_is_added_listed_paused_with_a_reason_resumed_muted_and_removed()
    {
        // Arrange
        var added = await _cli.RunAsync("subscriptions", "add", "--kind", "TradeDisruption", "--region", "chinshwehaw~30km", "--min-severity", "3",
            "--group-window", "5m", "--updates", "both", "--quiet", "22:00-07:00", "--timezone", "Asia/Yangon");
        var id = IdPattern().Match(added.Output).Value;

        // Act and assert
        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Contains("TradeDisruption · in chinshwehaw~30km · severity ≥ 3 (Significant) · verified only", added.Output, StringComparison.Ordinal);
        Assert.Contains("group window 00:05:00, updates both, quiet 22:00–07:00 Asia/Yangon", added.Output, StringComparison.Ordinal);

        var paused = await _cli.RunAsync("subscriptions", "pause", id, "--reason", "desk closed for the holiday");
        Assert.Contains("PAUSED since", paused.Output, StringComparison.Ordinal);
        Assert.Contains("desk closed for the holiday", (await _cli.RunAsync("subscriptions", "list")).Output, StringComparison.Ordinal);

        var resumed = await _cli.RunAsync("subscriptions", "resume", id);
        Assert.Contains("[active]", resumed.Output, StringComparison.Ordinal);

        var muted = await _cli.RunAsync("subscriptions", "mute", id, "--for", "8h");
        Assert.Contains("muted until", muted.Output, StringComparison.Ordinal);

        var removed = await _cli.RunAsync("subscriptions", "remove", id);
        Assert.Contains($"Removed {id}.", removed.Output, StringComparison.Ordinal);
        Assert.Contains("0 subscriptions.", (await _cli.RunAsync("subscriptions", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_option_is_named_with_what_is_valid_and_nothing_is_stored()
    {
        var result = await _cli.RunAsync("subscriptions", "add", "--region", "lashioo", "--updates", "sometimes", "--mention", "everyone",
            "--quiet", "22-07", "--target", "discord-webhook:http://insecure.example/hook", "--group-window", "forever");

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("--region: 'lashioo' is not a place I know. Did you mean lashio?", result.Error, StringComparison.Ordinal);
        Assert.Contains("--updates 'sometimes' is not one of Edit, Reply, Both, None", result.Error, StringComparison.Ordinal);
        Assert.Contains("--mention: everyone, here and channel are never mentioned", result.Error, StringComparison.Ordinal);
        Assert.Contains("--quiet '22-07' is not a span like 22:00-07:00", result.Error, StringComparison.Ordinal);
        Assert.Contains("--target: discord-webhook needs an https URL", result.Error, StringComparison.Ordinal);
        Assert.Contains("--group-window 'forever' is not a duration", result.Error, StringComparison.Ordinal);
        Assert.Contains("0 subscriptions.", (await _cli.RunAsync("subscriptions", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_url_is_never_printed()
    {
        const string Url = "https://discord.com/api/webhooks/1234567890123456789/s3cr3t-token-abcd";

        var added = await _cli.RunAsync("subscriptions", "add", "--target", "discord-webhook:" + Url);
        var listed = await _cli.RunAsync("subscriptions", "list");

        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.DoesNotContain("s3cr3t", added.Output + listed.Output, StringComparison.Ordinal);
        Assert.Contains("discord-webhook:…/abcd", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_explain_says_which_filter_excluded_an_event_and_where_a_matched_one_went()
    {
        // Arrange: a trade-only subscription, then the bot runs the sample through the pipeline.
        var added = await _cli.RunAsync("subscriptions", "add", "--kind", "TradeDisruption");
        var id = IdPattern().Match(added.Output).Value;
        await using (var bot = new BotFactory(_data.DatabasePath))
        {
            bot.StartServer();
            await bot.WaitUntilDeliveredAsync(TimeSpan.FromSeconds(20));
        }

        // Act
        var excluded = await _cli.RunAsync("deliveries", "explain", "--event", "evt_laiza_camp_strike_2023", "--subscription", id);
        var sent = await _cli.RunAsync("deliveries", "explain", "--event", "evt_chinshwehaw_crossing_closed_2023", "--subscription", id);

        // Assert
        Assert.Contains("not matched (judged against the filters as they are now): kind: BorderClash is not one of TradeDisruption", excluded.Output, StringComparison.Ordinal);
        Assert.Contains("matched: passed every filter", sent.Output, StringComparison.Ordinal);
        Assert.Matches("sent: sent as console-[0-9]+", sent.Output);
    }

    [GeneratedRegex("sub_[a-z0-9]{10}")]
    private static partial Regex IdPattern();
}
