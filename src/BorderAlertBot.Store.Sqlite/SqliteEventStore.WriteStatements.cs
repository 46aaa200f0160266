using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>The statements of one write transaction, prepared once and reused for every event in the batch.</summary>
    private sealed class WriteStatements : IAsyncDisposable
    {
        private const string Columns = "kind, subtype, status, severity, occurred_at, country, admin1, admin2, admin3, place, border_pair, revision, updated_at, fingerprint, document";
        private const string Values = "$kind, $subtype, $status, $severity, $occurred, $country, $admin1, $admin2, $admin3, $place, $border, $revision, $updated, $fingerprint, $document";

        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _revision;
        private readonly SqliteCommand _ftsDelete;
        private readonly SqliteCommand _ftsInsert;
        private readonly SqliteCommand _externalId;
        private readonly SqliteCommand _change;

        public WriteStatements(SqliteConnection connection, SqliteTransaction transaction)
        {
            SqliteCommand Command(string sql, params string[] parameters)
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                foreach (var parameter in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
                }

                return command;
            }

            string[] eventParameters = ["$id", "$kind", "$subtype", "$status", "$severity", "$occurred", "$country", "$admin1", "$admin2", "$admin3", "$place", "$border", "$revision", "$updated", "$fingerprint", "$document"];
            _insert = Command($"INSERT INTO events (id, {Columns}) VALUES ($id, {Values}) ON CONFLICT (id) DO NOTHING RETURNING rowid;", eventParameters);
            _update = Command(
                "UPDATE events SET kind = $kind, subtype = $subtype, status = $status, severity = $severity, occurred_at = $occurred, country = $country, admin1 = $admin1, admin2 = $admin2, admin3 = $admin3, place = $place, border_pair = $border, revision = $revision, updated_at = $updated, fingerprint = $fingerprint, document = $document WHERE id = $id AND revision = $revision - 1 RETURNING rowid;",
                eventParameters);
            _revision = Command("INSERT INTO event_revisions (event_id, revision, recorded_at, document) VALUES ($id, $revision, $at, $document);", "$id", "$revision", "$at", "$document");
            _ftsDelete = Command("DELETE FROM events_fts WHERE rowid = $rowid;", "$rowid");
            _ftsInsert = Command("INSERT INTO events_fts (rowid, title, summary, place, actors) VALUES ($rowid, $title, $summary, $place, $actors);", "$rowid", "$title", "$summary", "$place", "$actors");

            // The first event to claim an external id keeps it; merging duplicates is curation's job.
            _externalId = Command("INSERT INTO event_external_ids (external_id, event_id) VALUES ($external, $id) ON CONFLICT (external_id) DO NOTHING;", "$external", "$id");
            _change = Command("INSERT INTO change_feed (event_id, revision, change_kind, status, recorded_at) VALUES ($id, $revision, $kind, $status, $at);", "$id", "$revision", "$kind", "$status", "$at");
        }

        public async Task WriteAsync(EventWrite write, CancellationToken cancellationToken)
        {
            var conflictEvent = write.Event;
            var id = conflictEvent.Id.Value;
            var revision = conflictEvent.Revision.Number;
            var at = conflictEvent.Revision.At.ToUnixTimeMilliseconds();
            var document = EventDocument.Serialize(conflictEvent);
            var location = conflictEvent.Location;
            var upsert = revision == 1 ? _insert : _update;
            Bind(upsert, ("$id", id), ("$kind", conflictEvent.Kind.ToString()), ("$subtype", conflictEvent.Subtype.ToString()),
                ("$status", conflictEvent.Status.ToString()), ("$severity", (int)conflictEvent.Severity.Effective),
                ("$occurred", conflictEvent.Occurred.At.ToUnixTimeMilliseconds()), ("$country", location?.CountryCode), ("$admin1", location?.Admin1),
                ("$admin2", location?.Admin2), ("$admin3", location?.Admin3), ("$place", location?.Place), ("$border", conflictEvent.Border?.Pair.ToString()),
                ("$revision", revision), ("$updated", at), ("$fingerprint", write.Fingerprint), ("$document", document));
            var rowId = await upsert.ExecuteScalarAsync(cancellationToken) is long row
                ? row
                : throw new ConcurrencyException(revision == 1
                    ? $"{conflictEvent.Id} already exists, so it cannot be created as revision 1."
                    : $"{conflictEvent.Id} is no longer at revision {revision - 1}; another writer moved it on.");

            await ExecuteAsync(_revision, cancellationToken, ("$id", id), ("$revision", revision), ("$at", at), ("$document", document));
            if (revision > 1)
            {
                await ExecuteAsync(_ftsDelete, cancellationToken, ("$rowid", rowId));
            }

            await ExecuteAsync(_ftsInsert, cancellationToken, ("$rowid", rowId), ("$title", conflictEvent.Title), ("$summary", conflictEvent.Summary),
                ("$place", SearchableText.Place(location)), ("$actors", SearchableText.Actors(conflictEvent)));
            foreach (var externalId in conflictEvent.ExternalIds)
            {
                await ExecuteAsync(_externalId, cancellationToken, ("$external", externalId), ("$id", id));
            }

            await ExecuteAsync(_change, cancellationToken, ("$id", id), ("$revision", revision),
                ("$kind", (revision == 1 ? ChangeKind.Created : ChangeKind.Revised).ToString()), ("$status", conflictEvent.Status.ToString()), ("$at", at));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { _insert, _update, _revision, _ftsDelete, _ftsInsert, _externalId, _change })
            {
                await command.DisposeAsync();
            }
        }

        private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
        {
            foreach (var (name, value) in values)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
        }

        private static async Task ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
        {
            Bind(command, values);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
