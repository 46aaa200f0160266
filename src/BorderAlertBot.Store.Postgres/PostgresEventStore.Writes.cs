using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

public sealed partial class PostgresEventStore
{
    private const int FeedLock = 2;
    private const string Columns = "kind, subtype, status, severity, occurred_at, country, admin1, admin2, admin3, place, border_pair, revision, updated_at, fingerprint, document, search";
    private const string Values = "@kind, @subtype, @status, @severity, @occurred, @country, @admin1, @admin2, @admin3, @place, @border, @revision, @updated, @fingerprint, @document, to_tsvector('simple', @search)";

    private static readonly string Insert = $"INSERT INTO events (id, {Columns}) VALUES (@id, {Values}) ON CONFLICT (id) DO NOTHING RETURNING id;";
    private static readonly string Update = $"UPDATE events SET ({Columns}) = ({Values}) WHERE id = @id AND revision = @revision - 1 RETURNING id;";

    private static async Task WriteEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventWrite write, CancellationToken cancellationToken)
    {
        var conflictEvent = write.Event;
        var revision = conflictEvent.Revision.Number;
        var document = write.DocumentText(); // From the content the writer serialised for the fingerprint, when it has it.
        var location = conflictEvent.Location;
        await using (var upsert = new NpgsqlCommand(revision == 1 ? Insert : Update, connection, transaction))
        {
            upsert.Parameters.AddWithValue("id", conflictEvent.Id.Value);
            upsert.Parameters.AddWithValue("kind", conflictEvent.Kind.ToString());
            upsert.Parameters.AddWithValue("subtype", conflictEvent.Subtype.ToString());
            upsert.Parameters.AddWithValue("status", conflictEvent.Status.ToString());
            upsert.Parameters.AddWithValue("severity", (int)conflictEvent.Severity.Effective);
            upsert.Parameters.AddWithValue("occurred", conflictEvent.Occurred.At.ToUnixTimeMilliseconds());
            upsert.Parameters.Add(Sql.Text("country", location?.CountryCode));
            upsert.Parameters.Add(Sql.Text("admin1", location?.Admin1));
            upsert.Parameters.Add(Sql.Text("admin2", location?.Admin2));
            upsert.Parameters.Add(Sql.Text("admin3", location?.Admin3));
            upsert.Parameters.Add(Sql.Text("place", location?.Place));
            upsert.Parameters.Add(Sql.Text("border", conflictEvent.Border?.Pair.ToString()));
            upsert.Parameters.AddWithValue("revision", revision);
            upsert.Parameters.AddWithValue("updated", conflictEvent.Revision.At.ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("fingerprint", write.Fingerprint);
            upsert.Parameters.AddWithValue("document", document);
            upsert.Parameters.AddWithValue("search", SearchFolding.Document(conflictEvent));
            if (await upsert.ExecuteScalarAsync(cancellationToken) is not string)
            {
                throw new ConcurrencyException(revision == 1
                    ? $"{conflictEvent.Id} already exists, so it cannot be created as revision 1."
                    : $"{conflictEvent.Id} is no longer at revision {revision - 1}; another writer moved it on.");
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Sql.Statement("INSERT INTO event_revisions (event_id, revision, recorded_at, document) VALUES ($1, $2, $3, $4);",
            conflictEvent.Id.Value, revision, conflictEvent.Revision.At.ToUnixTimeMilliseconds(), document));

        // The first event to claim an external id keeps it; merging duplicates is curation's job.
        batch.BatchCommands.Add(Sql.Statement("INSERT INTO event_external_ids (external_id, event_id) SELECT unnest($1::text[]), $2 ON CONFLICT (external_id) DO NOTHING;",
            conflictEvent.ExternalIds.ToArray(), conflictEvent.Id.Value));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Appends the writes to the change feed, last in the transaction: the advisory lock is held from here to the commit,
    /// so the next writer draws its sequence numbers only after these are committed and visible.
    /// </summary>
    private async Task AppendToFeedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventWrite> writes, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey(FeedLock)});"));
        batch.BatchCommands.Add(Sql.Statement(
            """
            INSERT INTO change_feed (event_id, revision, change_kind, status, recorded_at)
            SELECT event_id, revision, change_kind, status, recorded_at
            FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS w(event_id, revision, change_kind, status, recorded_at, n)
            ORDER BY n;
            """,
            writes.Select(write => write.Event.Id.Value).ToArray(),
            writes.Select(write => write.Event.Revision.Number).ToArray(),
            writes.Select(write => (write.Event.Revision.Number == 1 ? ChangeKind.Created : ChangeKind.Revised).ToString()).ToArray(),
            writes.Select(write => write.Event.Status.ToString()).ToArray(),
            writes.Select(write => write.Event.Revision.At.ToUnixTimeMilliseconds()).ToArray()));
        batch.BatchCommands.Add(PostgresNotifications.Notify(PostgresNotifications.Changes, database.Origin));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
