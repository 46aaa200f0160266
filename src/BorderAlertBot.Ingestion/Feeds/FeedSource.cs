using System.Net;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Http;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// One configured RSS or Atom feed, polled with a conditional GET (<c>If-None-Match</c>, <c>If-Modified-Since</c>; a
/// 304 is "nothing new"). Items the last answer held are not taken again; on the first poll only items published within
/// <see cref="FeedsOptions.FirstPollLookback"/> count. New items the classifier accepts become pending candidates.
/// </summary>
public sealed partial class FeedSource(
    FeedOptions feed,
    IHttpClientFactory httpClientFactory,
    IOptions<FeedsOptions> options,
    FeedItemClassifier classifier,
    TimeProvider timeProvider,
    ILogger<FeedSource> logger) : IEventSource
{
    public const string HttpClientName = "BorderAlertBot.Feeds";

    /// <summary>How many item keys the cursor keeps (a feed's answer rarely holds more than a hundred).</summary>
    internal const int MaxRemembered = 1000;

    /// <summary>The largest feed accepted.</summary>
    internal const long MaxFeedBytes = 16L << 20;

    public string Name => $"rss:{feed.Name}";

    public EventStatus DefaultTrust => EventStatus.Pending;

    public bool MergesReports => true;

    public TimeSpan Interval => feed.Interval;

    public async Task<SourcePoll> PollAsync(SourceState state, CancellationToken cancellationToken)
    {
        var url = new Uri(feed.Url, UriKind.Absolute);
        var cursor = FeedCursor.Parse(state.Cursor);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cursor?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (cursor?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await SourceRequests.SendAsync(httpClientFactory.CreateClient(HttpClientName), request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Log.NotModified(logger, Name);
            return SourcePoll.Nothing(state.Cursor);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw SourceRequests.Failed(response, url);
        }

        var document = FeedParser.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken), feed.Name, url);
        var now = timeProvider.GetUtcNow();
        var (records, tally) = Select(document, cursor, now);
        var next = new FeedCursor(
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"),
            Newest(cursor?.Newest, document, now),
            [.. document.Items.Select(item => item.Key).Distinct(StringComparer.Ordinal).Take(MaxRemembered)]);
        Log.Polled(logger, Name, document.Items.Count, tally.Seen, tally.Old, tally.Skipped, records.Count);
        return new SourcePoll(records, [], next.Serialize());
    }

    /// <summary>The records for the items that are new: not in the last answer and not older than the floor.</summary>
    private (List<ImportRecord> Records, (int Seen, int Old, int Skipped) Tally) Select(FeedDocument document, FeedCursor? cursor, DateTimeOffset now)
    {
        var lookback = options.Value.FirstPollLookback;
        var floor = (cursor?.Newest is { } newest && newest < now ? newest : now) - lookback;
        var seen = new HashSet<string>(cursor?.Seen ?? [], StringComparer.Ordinal);
        var records = new List<ImportRecord>();
        int seenCount = 0, old = 0, skipped = 0;
        foreach (var item in document.Items)
        {
            if (seen.Contains(item.Key))
            {
                seenCount++;
            }
            else if ((cursor is null && item.Published is null) || item.Published < floor)
            {
                // The first poll cannot tell an undated item's age, so it is old news like anything before the floor.
                old++;
            }
            else if (item.Error is { } error)
            {
                records.Add(Invalid(item, "item", error));
            }
            else if (classifier.Classify(item.Title, item.Description) is not ({ } candidate, _))
            {
                skipped++;
            }
            else if (item.Link is not { } link)
            {
                records.Add(Invalid(item, "link", "has no http(s) link to the article"));
            }
            else
            {
                records.Add(ImportRecord.Valid(item.Index, item.Line, item.Line, FeedEventMapper.Map(item, link, candidate, now), null));
            }
        }

        return (records, (seenCount, old, skipped));
    }

    /// <summary>The newest publication time seen so far, never later than now (a feed's clock may be wrong).</summary>
    private static DateTimeOffset? Newest(DateTimeOffset? previous, FeedDocument document, DateTimeOffset now)
    {
        var newest = document.Items.Select(item => item.Published).Where(published => published <= now).Max();
        return previous is null ? newest : newest is null ? previous : newest > previous ? newest : previous;
    }

    private static ImportRecord Invalid(FeedItem item, string field, string message) =>
        ImportRecord.Invalid(item.Index, item.Line, item.Line, [new ImportError(item.Index, item.Line, field, message)]);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Feed {Source}: not modified")]
        public static partial void NotModified(ILogger logger, string source);

        [LoggerMessage(2, LogLevel.Information, "Feed {Source}: {Items} items, {Seen} seen before, {Old} older than the window, {Skipped} not about a place and kind in scope, {Records} new records")]
        public static partial void Polled(ILogger logger, string source, int items, int seen, int old, int skipped, int records);
    }
}
