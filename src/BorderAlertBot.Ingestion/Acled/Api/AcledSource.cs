using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>
/// ACLED's API as a polled source named <c>acled</c> (README "ACLED"). A sync takes the upload timestamps from where the
/// last one ended up to <see cref="AcledOptions.SettleTime"/> ago, reads the rows of that window a page per poll (the
/// runner polls again at once while there is more) until a short page, then the ids ACLED deleted in the window before,
/// which become withdrawals. Rows are mapped exactly as the CSV import maps them, so a re-read page changes nothing and a
/// revised row (its timestamp moves into a later window) becomes our next revision.
/// </summary>
public sealed partial class AcledSource(AcledApi api, IOptions<AcledOptions> options, TimeProvider timeProvider, ILogger<AcledSource> logger) : IEventSource
{
    public string Name => Files.FileImporter.AcledSourceName;

    public EventStatus DefaultTrust => EventStatus.Verified;

    public bool MergesReports => false;

    public TimeSpan Interval => options.Value.Interval;

    public async Task<SourcePoll> PollAsync(SourceState state, CancellationToken cancellationToken)
    {
        var cursor = AcledCursor.Parse(state.Cursor);
        var window = cursor.Window ?? NextWindow(cursor);
        if (window is null)
        {
            return SourcePoll.Nothing(state.Cursor);
        }

        if (!window.ReadingDeleted)
        {
            var page = await api.ReadEventsAsync(window.From, window.To, window.Page, cancellationToken);
            var records = Map(page.Rows, (window.Page - 1) * options.Value.PageSize);
            var next = page.IsFull ? window with { Page = window.Page + 1 } : window with { Page = 1, ReadingDeleted = true };
            return new SourcePoll(records, [], (cursor with { Window = next }).ToString(), HasMore: true);
        }

        IReadOnlyList<string> deleted = [];
        var full = false;
        if (window.DeletedFrom <= window.To)
        {
            var page = await api.ReadDeletedAsync(window.DeletedFrom, window.To, window.Page, cancellationToken);
            deleted = [.. page.Rows.Select(id => "acled:" + id)];
            full = page.IsFull;
        }

        var after = full
            ? cursor with { Window = window with { Page = window.Page + 1 } }
            : new AcledCursor(window.To + 1, window.To + 1, null);
        return new SourcePoll([], deleted, after.ToString(), HasMore: full);
    }

    /// <summary>The next window, or null when no upload second since the last one has settled yet.</summary>
    private AcledWindow? NextWindow(AcledCursor cursor)
    {
        var to = (timeProvider.GetUtcNow() - options.Value.SettleTime).ToUnixTimeSeconds();
        if (to < cursor.NextFrom)
        {
            return null;
        }

        // The first sync reads every row there is (the filters bound it); deletions matter only for rows read before,
        // so it reads none.
        return new AcledWindow(cursor.NextFrom, to, cursor.DeletedFrom ?? to + 1, 1, ReadingDeleted: false);
    }

    private List<ImportRecord> Map(IReadOnlyList<AcledRow> rows, int offset)
    {
        var records = new List<ImportRecord>(rows.Count);
        var outOfScope = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            // The API has no lines: a row's "line" is its place in the window's pages, 1-based.
            var index = offset + i;
            var mapped = AcledEventMapper.Map(rows[i], index, index + 1);
            if (mapped.Event is { } conflictEvent)
            {
                records.Add(ImportRecord.Valid(index, index + 1, index, conflictEvent, null));
            }
            else if (mapped.Errors.Count > 0)
            {
                records.Add(ImportRecord.Invalid(index, index + 1, index, mapped.Errors));
            }
            else
            {
                outOfScope++;
            }
        }

        Log.PageRead(logger, rows.Count, records.Count, outOfScope);
        return records;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "ACLED page: {Rows} rows, {Records} to import, {OutOfScope} out of scope")]
        public static partial void PageRead(ILogger logger, int rows, int records, int outOfScope);
    }
}
