using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Http;
using BorderAlertBot.Ingestion.Text;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// A candidate from a feed item: <c>evt_rss_&lt;key&gt;</c> with external id <c>rss:&lt;key&gt;</c> (the same article
/// from two feeds is one event), the item's title, its description as the summary, its link as the source and its
/// publication time (exact, or the day when the feed gives midnight).
/// </summary>
internal static class FeedEventMapper
{
    public static ConflictEvent Map(FeedItem item, Uri link, FeedClassification classification, DateTimeOffset now)
    {
        var occurred = item.Published is { } published
            ? new Occurrence(published, published.TimeOfDay == TimeSpan.Zero ? TimePrecision.Day : TimePrecision.Exact)
            : new Occurrence(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), TimePrecision.Day);
        var title = PlainText.Clamp(item.Title.Length > 0 ? item.Title : item.Description, ConflictEvent.MaxTitleLength);
        var subtype = classification.Subtype;
        return new ConflictEvent(
            EventId.Parse($"evt_rss_{item.Key}"),
            [$"rss:{item.Key}"],
            subtype.Kind(),
            subtype,
            title,
            PlainText.Clamp(item.Description, ConflictEvent.MaxSummaryLength),
            occurred,
            classification.Location,
            classification.Border,
            classification.Actors,
            [],
            [new Source(Source.OutletOf(link), link, item.Published)],
            EventStatus.Pending,
            null,
            SeverityRules.Assess(new SeverityInput(subtype.Kind(), subtype, []), null),
            RevisionInfo.Unsaved);
    }
}
