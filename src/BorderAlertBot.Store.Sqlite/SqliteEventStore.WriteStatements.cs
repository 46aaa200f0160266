using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>The prepared statements of one write transaction, reused for every event in the batch.</summary>
    private sealed class WriteStatements(SqliteConnection connection, SqliteTransaction transaction)
    {
        private const string Columns = "kind, subtype, status, severity, occurred_at, country, admin1, admin2, admin3, place, border_pair, revision, updated_at, fingerprint, document";

        public async Task WriteAsync(EventWrite write, CancellationToken cancellationToken)
        {
            var conflictEvent = write.Event;
            var revision = conflictEvent.Revision.Number;
            var document = EventDocument.Serialize(conflictEvent);
            long rowId;
            await using (var upsert = Command(revision == 1
                ? $"INSERT INTO events (id, {Columns}) VALUES ($id, $kind, $subtype, $status, $severity, $occurred, $country, $admin1, $admin2, $admin3, $place, $border, $revision, $updated, $fingerprint, $document) ON CONFLICT (id) DO NOTHING RETURNING rowid;"
                : "UPDATE events SET kind = $kind, subtype = $subtype, status = $status, severity = $severity, occurred_at = $occurred, country = $country, admin1 = $admin1, admin2 = $admin2, admin3 = $admin3, place = $place, border_pair = $border, revision = $revision, updated_at = $updated, fingerprint = $fingerprint, document = $document WHERE id = $id AND revision = $revision - 1 RETURNING rowid;"))
            {
                var location = conflictEvent.Location;
                upsert.Parameters.AddWithValue("$id", conflictEvent.Id.Value);
                upsert.Parameters.AddWithValue("$kind", conflictEvent.Kind.ToString());
                upsert.Parameters.AddWithValue("$subtype", conflictEvent.Subtype.ToString());
                upsert.Parameters.AddWithValue("$status", conflictEvent.Status.ToString());
                upsert.Parameters.AddWithValue("$severity", (int)conflictEvent.Severity.Effective);
                upsert.Parameters.AddWithValue("$occurred", conflictEvent.Occurred.At.ToUnixTimeMilliseconds());
                upsert.Parameters.AddWithValue("$country", (object?)location?.CountryCode ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$admin1", (object?)location?.Admin1 ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$admin2", (object?)location?.Admin2 ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$admin3", (object?)location?.Admin3 ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$place", (object?)location?.Place ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$border", (object?)conflictEvent.Border?.Pair.ToString() ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$revision", revision);
                upsert.Parameters.AddWithValue("$updated", conflictEvent.Revision.At.ToUnixTimeMilliseconds());
                upsert.Parameters.AddWithValue("$fingerprint", write.Fingerprint);
                upsert.Parameters.AddWithValue("$document", document);
                rowId = await upsert.ExecuteScalarAsync(cancellationToken) is long id
                    ? id
                    : throw new ConcurrencyException(revision == 1
                        ? $"{conflictEvent.Id} already exists, so it cannot be created as revision 1."
                        : $"{conflictEvent.Id} is no longer at revision {revision - 1}; another writer moved it on.");
            }

            await ExecuteAsync("INSERT INTO event_revisions (event_id, revision, recorded_at, document) VALUES ($id, $revision, $at, $document);",
                cancellationToken, ("$id", conflictEvent.Id.Value), ("$revision", revision), ("$at", conflictEvent.Revision.At.ToUnixTimeMilliseconds()), ("$document", document));
            if (revision > 1)
            {
                await ExecuteAsync("DELETE FROM events_fts WHERE rowid = $rowid;", cancellationToken, ("$rowid", rowId));
            }

            await ExecuteAsync("INSERT INTO events_fts (rowid, title, summary, place, actors) VALUES ($rowid, $title, $summary, $place, $actors);",
                cancellationToken, ("$rowid", rowId), ("$title", conflictEvent.Title), ("$summary", conflictEvent.Summary),
                ("$place", SearchablePlace(conflictEvent.Location)), ("$actors", string.Join(" ; ", conflictEvent.Actors.SelectMany(actor => new[] { actor.Name, actor.ShortName }))));
            foreach (var externalId in conflictEvent.ExternalIds)
            {
                // The first event to claim an external id keeps it; merging duplicates is curation's job.
                await ExecuteAsync("INSERT INTO event_external_ids (external_id, event_id) VALUES ($external, $id) ON CONFLICT (external_id) DO NOTHING;",
                    cancellationToken, ("$external", externalId), ("$id", conflictEvent.Id.Value));
            }

            await ExecuteAsync("INSERT INTO change_feed (event_id, revision, change_kind, status, recorded_at) VALUES ($id, $revision, $kind, $status, $at);",
                cancellationToken, ("$id", conflictEvent.Id.Value), ("$revision", revision), ("$kind", (revision == 1 ? ChangeKind.Created : ChangeKind.Revised).ToString()),
                ("$status", conflictEvent.Status.ToString()), ("$at", conflictEvent.Revision.At.ToUnixTimeMilliseconds()));
        }

        private static string SearchablePlace(Location? location) =>
            location is null
                ? string.Empty
                : string.Join(" ; ", new[] { location.Place, location.Admin3, location.Admin2, location.Admin1, location.CountryCode }.Where(part => part is not null));

        private SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
        {
            await using var command = Command(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
