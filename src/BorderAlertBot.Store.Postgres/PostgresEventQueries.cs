using System.Runtime.CompilerServices;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed class PostgresEventQueries(PostgresDatabase database) : IEventQueries
{
    private const long MillisecondsPerDay = 86_400_000;

    public async Task<IReadOnlyList<ConflictEvent>> LatestAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT e.document FROM events e {Where(filter, command)} ORDER BY e.occurred_at DESC, e.id LIMIT @limit;";
        command.Parameters.AddWithValue("limit", limit);
        return await PostgresEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async IAsyncEnumerable<ConflictEvent> StreamAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT e.document FROM events e {Where(filter, command)} ORDER BY e.occurred_at, e.id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EventDocument.Deserialize(reader.GetString(0));
        }
    }

    public async Task<IReadOnlyList<ConflictEvent>> TopBySeverityAsync(EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT e.document FROM events e {Where(filter, command)} ORDER BY e.severity DESC, e.occurred_at DESC, e.id LIMIT @limit;";
        command.Parameters.AddWithValue("limit", limit);
        return await PostgresEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DailyCount>> CountByKindAndDayAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        // Days as the SQLite store counts them: occurred_at / 86,400,000, whole UTC days since 1970. The covering index
        // (status, occurred_at, kind, …) answers a period's counts without reading the documents.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT e.occurred_at / {MillisecondsPerDay} AS day, e.kind, COUNT(*) FROM events e {Where(filter, command)} GROUP BY day, e.kind ORDER BY day, e.kind;";
        return await Sql.ReadAllAsync(command, reader => new DailyCount(
            DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * MillisecondsPerDay).UtcDateTime),
            Enum.Parse<EventKind>(reader.GetString(1)),
            (int)reader.GetInt64(2)), cancellationToken);
    }

    public async Task<IReadOnlyList<ConflictEvent>> SearchAsync(string text, EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (SearchFolding.Query(text) is not { } query)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = Where(filter, command);
        var and = where.Length == 0 ? "WHERE" : where + " AND";
        command.CommandText =
            $"SELECT e.document FROM events e, to_tsquery('simple', @query) q {and} e.search @@ q ORDER BY ts_rank(e.search, q) DESC, e.occurred_at DESC, e.id LIMIT @limit;";
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("limit", limit);
        return await PostgresEventReader.ReadDocumentsAsync(command, cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM events;", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private static string Where(EventFilter filter, NpgsqlCommand command)
    {
        var clauses = new List<string>();
        if (filter.Kinds is { Count: > 0 } kinds)
        {
            clauses.Add("e.kind = ANY(@kinds)");
            command.Parameters.AddWithValue("kinds", kinds.Select(kind => kind.ToString()).ToArray());
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("e.status = ANY(@statuses)");
            command.Parameters.AddWithValue("statuses", statuses.Select(status => status.ToString()).ToArray());
        }

        if (filter.MinSeverity is { } severity)
        {
            clauses.Add("e.severity >= @severity");
            command.Parameters.AddWithValue("severity", (int)severity);
        }

        if (filter.From is { } from)
        {
            clauses.Add("e.occurred_at >= @from");
            command.Parameters.AddWithValue("from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            clauses.Add("e.occurred_at < @to");
            command.Parameters.AddWithValue("to", to.ToUnixTimeMilliseconds());
        }

        switch (filter.Region)
        {
            case RegionFilter.Country country:
                clauses.Add("e.country = @region");
                command.Parameters.AddWithValue("region", country.Code);
                break;
            case RegionFilter.Border border:
                clauses.Add("e.border_pair = @region");
                command.Parameters.AddWithValue("region", border.Pair.ToString());
                break;
            case RegionFilter.Named named:
                clauses.Add("(lower(e.place) = lower(@region) OR lower(e.admin1) = lower(@region) OR lower(e.admin2) = lower(@region) OR lower(e.admin3) = lower(@region))");
                command.Parameters.AddWithValue("region", named.Name);
                break;
        }

        return clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
    }
}
