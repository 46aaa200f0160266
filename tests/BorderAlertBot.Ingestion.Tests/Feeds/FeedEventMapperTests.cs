using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Feeds;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

public sealed class FeedEventMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 41, 0, TimeSpan.Zero);
    private static readonly Uri Link = new("https://www.mizzima.com/article/muse");
    private readonly FeedItemClassifier _classifier = new(Gazetteer.Bundled);

    [Theory]
    [InlineData("2026-11-27T06:30:00+06:30", TimePrecision.Exact)]
    [InlineData("2026-11-27T00:00:00+00:00", TimePrecision.Day)]
    public void The_publication_time_is_exact_unless_the_feed_gives_midnight(string published, TimePrecision precision)
    {
        var at = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture);

        var candidate = Map(new FeedItem(0, 3, "0123456789abcdef", "Clash in Muse", string.Empty, Link, at));

        Assert.Equal(new Occurrence(at, precision), candidate.Occurred);
    }

    [Fact]
    public void An_undated_item_seen_on_a_later_poll_happened_on_the_day_it_was_seen()
    {
        var candidate = Map(new FeedItem(0, 3, "0123456789abcdef", "Clash in Muse", string.Empty, Link, null));

        Assert.Equal(new Occurrence(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), TimePrecision.Day), candidate.Occurred);
        Assert.Null(Assert.Single(candidate.Sources).PublishedAt);
    }

    [Fact]
    public void An_item_without_a_title_is_titled_by_its_description()
    {
        var candidate = Map(new FeedItem(0, 3, "0123456789abcdef", string.Empty, "Fighting broke out in Muse on Tuesday.", Link, Now));

        Assert.Equal(("Fighting broke out in Muse on Tuesday.", "Fighting broke out in Muse on Tuesday."), (candidate.Title, candidate.Summary));
        Assert.Equal("mizzima.com", candidate.Sources[0].Name);
    }

    private ConflictEvent Map(FeedItem item)
    {
        var (classification, _) = _classifier.Classify(item.Title, item.Description);
        return FeedEventMapper.Map(item, Link, classification!, Now);
    }
}
