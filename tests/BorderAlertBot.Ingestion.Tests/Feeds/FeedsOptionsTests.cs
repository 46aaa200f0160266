using BorderAlertBot.Configuration;
using BorderAlertBot.Ingestion.Feeds;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

public sealed class FeedsOptionsTests
{
    [Fact]
    public void No_feeds_is_valid()
    {
        Assert.True(Validate(new FeedsOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_feed_value_is_one_line_naming_its_key_and_a_url_is_never_echoed()
    {
        // Arrange
        var options = new FeedsOptions
        {
            Configured =
            [
                new() { Name = "irrawaddy", Url = "https://www.irrawaddy.com/feed" },
                new() { Name = "Irrawaddy", Url = "ftp://user:secret@example.org/feed", Interval = TimeSpan.FromSeconds(5) },
                new() { Name = "rss:bad name", Url = "https://example.org/feed" },
            ],
        };

        // Act
        var result = Validate(options);

        // Assert
        Assert.Equal(
            [
                "Feeds:Configured:1:Name: 'Irrawaddy' is the name of feed 0 too; each feed needs its own",
                "Feeds:Configured:1:Url: must be an absolute http(s) URL",
                "Feeds:Configured:1:Interval: must be between 00:01:00 and 1.00:00:00",
                "Feeds:Configured:2:Name: 'rss:bad name' must be 1 to 40 letters, digits, '-' or '_' (the source is rss:NAME)",
            ],
            result.Failures);
        Assert.DoesNotContain(result.Failures!, failure => failure.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lookback_over_30_days_is_refused()
    {
        var result = Validate(new FeedsOptions { FirstPollLookback = TimeSpan.FromDays(60) });

        Assert.Equal(["Feeds:FirstPollLookback: must be between 00:00:00 and 30.00:00:00"], result.Failures);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(FeedsOptions options) =>
        new SectionOptionsValidator<FeedsOptions>(FeedsOptions.SectionName).Validate(null, options);
}
