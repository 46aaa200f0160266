using System.Globalization;
using System.Text;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
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

    public async Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(filter, command, "e");
        command.CommandText = $"SELECT e.occurred_at / {MillisecondsPerDay} AS day, e.kind, COUNT(*) FROM events e {where} GROUP BY day, e.kind ORDER BY day, e.kind;";
        var counts = new List<DailyCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * MillisecondsPerDay).UtcDateTime);
            counts.Add(new DailyCount(day, Enum.Parse<EventKind>(reader.GetString(1)), reader.GetInt32(2)));
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

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(filter, command, "e");
        var and = where.Length == 0 ? "WHERE" : where + " AND";
        command.CommandText = $"SELECT e.document FROM events_fts f JOIN events e ON e.rowid = f.rowid {and} events_fts MATCH $match ORDER BY f.rank, e.occurred_at DESC LIMIT $limit;";
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
            clauses.Add($"{alias}.severity >= $severity");
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
