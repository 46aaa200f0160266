using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

public sealed class SqliteEventQueries(SqliteDatabase database) : IEventQueries
{
    private const long MillisecondsPerDay = 86_400_000;

    public async Task<IReadOnlyList<ConflictEvent>> LatestAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(filter, command, "e");
        command.CommandText = $"SELECT e.document FROM events e {where} ORDER BY e.occurred_at DESC, e.id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async IAsyncEnumerable<ConflictEvent> StreamAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(filter, command, "e");
        command.CommandText = $"SELECT e.document FROM events e {where} ORDER BY e.occurred_at, e.id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EventDocument.Deserialize(reader.GetString(0));
        }
    }

    public async Task<IReadOnlyList<ConflictEvent>> TopBySeverityAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        var top = new List<ConflictEvent>(Math.Clamp(limit, 0, 100));
        if (limit <= 0)
        {
            return top;
        }

        // One range query per severity level, most severe first, stopping once enough are found. Each seeks the period
        // within its level in ix_events_severity_occurred (0005_query_indexes.sql) and checks the other filters there, so
        // only the events returned are read from the table. A single ORDER BY severity query cannot seek the period inside
        // each level, and the planner, without statistics, would rather walk a region's or a status's events.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(filter with { MinSeverity = null }, command, "e");
        var and = where.Length == 0 ? "WHERE" : where + " AND";
        command.CommandText = $"SELECT e.document FROM events e INDEXED BY ix_events_severity_occurred {and} e.severity = $level ORDER BY e.occurred_at DESC, e.id LIMIT $limit;";
        var level = command.Parameters.Add("$level", SqliteType.Integer);
        var remaining = command.Parameters.Add("$limit", SqliteType.Integer);
        for (var severity = Severity.Critical; severity >= (filter.MinSeverity ?? Severity.Low) && top.Count < limit; severity--)
        {
            level.Value = (int)severity;
            remaining.Value = limit - top.Count;
            top.AddRange(await SqliteEventReader.ReadDocumentsAsync(command, cancellationToken));
        }

        return top;
    }

    public async Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        // Whole UTC days are read from event_day_counts, which triggers keep (0005_query_indexes.sql): some 50 rows a day
        // instead of every event of it. The partial days at either end of the period, and what that table cannot answer
        // (a place name, an open-ended period), are counted from the events. The parts are days in order, so are the counts.
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = new List<DailyCount>();
        if (WholeDays(filter) is not (var first, var end))
        {
            await CountEventsAsync(connection, filter, counts, cancellationToken);
            return counts;
        }

        var firstStart = DateTimeOffset.FromUnixTimeMilliseconds(first * MillisecondsPerDay);
        var endStart = DateTimeOffset.FromUnixTimeMilliseconds(end * MillisecondsPerDay);
        if (filter.From < firstStart)
        {
            await CountEventsAsync(connection, filter with { To = firstStart }, counts, cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            var and = Where(filter with { From = null, To = null }, command, "c") is { Length: > 0 } where ? where + " AND" : "WHERE";
            command.CommandText = $"SELECT c.day, c.kind, SUM(c.count) FROM event_day_counts c {and} c.day >= $first AND c.day < $end GROUP BY c.day, c.kind HAVING SUM(c.count) > 0 ORDER BY c.day, c.kind;";
            command.Parameters.AddWithValue("$first", first);
            command.Parameters.AddWithValue("$end", end);
            await ReadCountsAsync(command, counts, cancellationToken);
        }

        if (endStart < filter.To)
        {
            await CountEventsAsync(connection, filter with { From = endStart }, counts, cancellationToken);
        }

        return counts;
    }

    public async Task<IReadOnlyList<ConflictEvent>> SearchAsync(string text, EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        var match = FullTextQuery.From(text);
        if (match is null)
        {
            return [];
        }

        // Everything committed before the search is found by it, whatever the index's own thread has reached.
        var index = database.SearchIndex;
        await index.CatchUpAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await AttachAsync(connection, index, cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(filter, command, "e");
        var and = where.Length == 0 ? "WHERE" : where + " AND";
        command.CommandText = $"SELECT e.document FROM search.events_fts f JOIN events e ON e.rowid = f.rowid {and} events_fts MATCH $match ORDER BY f.rank, e.occurred_at DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <summary>
    /// The whole UTC days [First, End) of the filter's period, as day numbers, when event_day_counts can count them: a
    /// bounded period from 1970-01-02 on (day 0 also holds the last hours of 1969, as the division truncates), and no
    /// place name.
    /// </summary>
    private static (long First, long End)? WholeDays(EventFilter filter)
    {
        if (filter.Region is RegionFilter.Named || filter.From is not { } from || filter.To is not { } to || from.ToUnixTimeMilliseconds() < 0)
        {
            return null;
        }

        var first = Math.Max(1, (from.ToUnixTimeMilliseconds() + MillisecondsPerDay - 1) / MillisecondsPerDay);
        var end = to.ToUnixTimeMilliseconds() / MillisecondsPerDay;
        return first < end ? (first, end) : null;
    }

    private static async Task CountEventsAsync(SqliteConnection connection, EventFilter filter, List<DailyCount> counts, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var where = Where(filter, command, "e");
        command.CommandText = $"SELECT e.occurred_at / {MillisecondsPerDay} AS day, e.kind, COUNT(*) FROM events e {where} GROUP BY day, e.kind ORDER BY day, e.kind;";
        await ReadCountsAsync(command, counts, cancellationToken);
    }

    /// <summary>Reads rows of (day number, kind, count).</summary>
    private static async Task ReadCountsAsync(SqliteCommand command, List<DailyCount> counts, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * MillisecondsPerDay).UtcDateTime);
            counts.Add(new DailyCount(day, Enum.Parse<EventKind>(reader.GetString(1)), reader.GetInt32(2)));
        }
    }

    /// <summary>The search index's file as the schema <c>search</c>, once per pooled connection (it stays attached).</summary>
    private static async Task AttachAsync(SqliteConnection connection, SqliteSearchIndex index, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_database_list WHERE name = 'search';";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            return;
        }

        command.CommandText = "ATTACH DATABASE $path AS search;";
        command.Parameters.AddWithValue("$path", index.FilePath);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Where(EventFilter filter, SqliteCommand command, string alias)
    {
        var clauses = new List<string>();
        if (filter.Kinds is { Count: > 0 } kinds)
        {
            clauses.Add($"{alias}.kind IN ({In(command, "$kind", kinds.Select(kind => kind.ToString()))})");
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add($"{alias}.status IN ({In(command, "$status", statuses.Select(status => status.ToString()))})");
        }

        if (filter.MinSeverity is { } severity)
        {
            // Unary + keeps this term away from ix_events_severity_occurred: for "severity ≥ 4, latest first" that index
            // would mean sorting every event of those levels; walking the time index and checking the level is far cheaper.
            clauses.Add($"+{alias}.severity >= $severity");
            command.Parameters.AddWithValue("$severity", (int)severity);
        }

        if (filter.From is { } from)
        {
            clauses.Add($"{alias}.occurred_at >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            clauses.Add($"{alias}.occurred_at < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        switch (filter.Region)
        {
            case RegionFilter.Country country:
                clauses.Add($"{alias}.country = $region");
                command.Parameters.AddWithValue("$region", country.Code);
                break;
            case RegionFilter.Border border:
                clauses.Add($"{alias}.border_pair = $region");
                command.Parameters.AddWithValue("$region", border.Pair.ToString());
                break;
            case RegionFilter.Named named:
                clauses.Add($"({alias}.place = $region COLLATE NOCASE OR {alias}.admin1 = $region COLLATE NOCASE OR {alias}.admin2 = $region COLLATE NOCASE OR {alias}.admin3 = $region COLLATE NOCASE)");
                command.Parameters.AddWithValue("$region", named.Name);
                break;
        }

        return clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
    }

    private static string In(SqliteCommand command, string prefix, IEnumerable<string> values)
    {
        var names = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            names.Append(i++ == 0 ? name : ", " + name);
            command.Parameters.AddWithValue(name, value);
        }

        return names.ToString();
    }
}
