using System.Buffers;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BorderAlertBot.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>
    /// The statements of one write transaction, prepared once on the writer's connection and reused for every event of
    /// the batch. They run through SQLite's own API rather than <see cref="SqliteCommand"/>: bound by position, text as
    /// UTF-8 straight from the serialiser, no reader per statement — an import writes a million events through here, and
    /// the ADO.NET layer cost more than SQLite itself. The full-text rows of the batch are written together at the end, in
    /// one statement each for deletions and insertions: FTS5 flushes its pending terms to a new segment at every statement
    /// of a transaction, so a row at a time left a segment per event to merge.
    /// </summary>
    /// <summary>The full-text rows of a batch and the JSON they are written as, reused from batch to batch.</summary>
    private sealed record FullTextBuffers(
        ArrayBufferWriter<byte> Json, List<long> Deletions, Dictionary<long, (string Title, string Summary, string Place, string Actors)> Rows);

    private sealed class WriteStatements : IDisposable
    {
        private const string Columns = "kind, subtype, status, severity, occurred_at, country, admin1, admin2, admin3, place, border_pair, revision, updated_at, fingerprint, document";

        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _insert;
        private readonly sqlite3_stmt _update;
        private readonly sqlite3_stmt _revision;
        private readonly sqlite3_stmt _ftsDelete;
        private readonly sqlite3_stmt _ftsInsert;
        private readonly sqlite3_stmt _externalId;
        private readonly sqlite3_stmt _change;
        private byte[] _text = new byte[4096];

        private readonly ArrayBufferWriter<byte> _json;
        private readonly List<long> _ftsDeletions;
        private readonly Dictionary<long, (string Title, string Summary, string Place, string Actors)> _ftsRows;

        /// <param name="fullText">Buffers kept across batches for the full-text rows: a batch's are a megabyte or two, which allocated anew each time would churn the large-object heap.</param>
        public WriteStatements(SqliteConnection connection, FullTextBuffers fullText)
        {
            (_json, _ftsDeletions, _ftsRows) = (fullText.Json, fullText.Deletions, fullText.Rows);
            _ftsDeletions.Clear();
            _ftsRows.Clear();
            _db = connection.Handle!; // An open connection has a handle.
            _insert = Prepare($"INSERT INTO events (id, {Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT (id) DO NOTHING RETURNING rowid;");
            _update = Prepare(
                "UPDATE events SET kind = ?2, subtype = ?3, status = ?4, severity = ?5, occurred_at = ?6, country = ?7, admin1 = ?8, admin2 = ?9, admin3 = ?10, place = ?11, border_pair = ?12, revision = ?13, updated_at = ?14, fingerprint = ?15, document = ?16 WHERE id = ?1 AND revision = ?13 - 1 RETURNING rowid;");
            _revision = Prepare("INSERT INTO event_revisions (event_id, revision, recorded_at, document) VALUES (?1, ?2, ?3, ?4);");
            _ftsDelete = Prepare("DELETE FROM events_fts WHERE rowid IN (SELECT value FROM json_each(?1));");
            _ftsInsert = Prepare("INSERT INTO events_fts (rowid, title, summary, place, actors) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?1);");

            // The first event to claim an external id keeps it; merging duplicates is curation's job.
            _externalId = Prepare("INSERT INTO event_external_ids (external_id, event_id) VALUES (?1, ?2) ON CONFLICT (external_id) DO NOTHING;");
            _change = Prepare("INSERT INTO change_feed (event_id, revision, change_kind, status, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5);");
        }

        public void Write(EventWrite write)
        {
            var conflictEvent = write.Event;
            var id = conflictEvent.Id.Value;
            var revision = conflictEvent.Revision.Number;
            var at = conflictEvent.Revision.At.ToUnixTimeMilliseconds();
            var document = write.Document();
            var location = conflictEvent.Location;
            var upsert = revision == 1 ? _insert : _update;
            Text(upsert, 1, id);
            Text(upsert, 2, conflictEvent.Kind.ToString());
            Text(upsert, 3, conflictEvent.Subtype.ToString());
            Text(upsert, 4, conflictEvent.Status.ToString());
            Check(raw.sqlite3_bind_int64(upsert, 5, (int)conflictEvent.Severity.Effective));
            Check(raw.sqlite3_bind_int64(upsert, 6, conflictEvent.Occurred.At.ToUnixTimeMilliseconds()));
            Text(upsert, 7, location?.CountryCode);
            Text(upsert, 8, location?.Admin1);
            Text(upsert, 9, location?.Admin2);
            Text(upsert, 10, location?.Admin3);
            Text(upsert, 11, location?.Place);
            Text(upsert, 12, conflictEvent.Border?.Pair.ToString());
            Check(raw.sqlite3_bind_int64(upsert, 13, revision));
            Check(raw.sqlite3_bind_int64(upsert, 14, at));
            Text(upsert, 15, write.Fingerprint);
            Check(raw.sqlite3_bind_text(upsert, 16, document));
            var rowId = StepForRowId(upsert) ?? throw new ConcurrencyException(revision == 1
                ? $"{conflictEvent.Id} already exists, so it cannot be created as revision 1."
                : $"{conflictEvent.Id} is no longer at revision {revision - 1}; another writer moved it on.");

            Text(_revision, 1, id);
            Check(raw.sqlite3_bind_int64(_revision, 2, revision));
            Check(raw.sqlite3_bind_int64(_revision, 3, at));
            Check(raw.sqlite3_bind_text(_revision, 4, document));
            Step(_revision);
            if (revision > 1)
            {
                _ftsDeletions.Add(rowId);
            }

            // The newest revision in the batch is the one searched.
            _ftsRows[rowId] = (conflictEvent.Title, conflictEvent.Summary, SearchableText.Place(location), SearchableText.Actors(conflictEvent));
            foreach (var externalId in conflictEvent.ExternalIds)
            {
                Text(_externalId, 1, externalId);
                Text(_externalId, 2, id);
                Step(_externalId);
            }

            Text(_change, 1, id);
            Check(raw.sqlite3_bind_int64(_change, 2, revision));
            Text(_change, 3, (revision == 1 ? ChangeKind.Created : ChangeKind.Revised).ToString());
            Text(_change, 4, conflictEvent.Status.ToString());
            Check(raw.sqlite3_bind_int64(_change, 5, at));
            Step(_change);
        }

        /// <summary>Writes the batch's full-text rows: the stored rows of revised events out, every written event's newest text in.</summary>
        public void Flush()
        {
            var json = _json;
            json.ResetWrittenCount();
            if (_ftsDeletions.Count > 0)
            {
                using (var writer = new Utf8JsonWriter(json))
                {
                    writer.WriteStartArray();
                    _ftsDeletions.ForEach(writer.WriteNumberValue);
                    writer.WriteEndArray();
                }

                Check(raw.sqlite3_bind_text(_ftsDelete, 1, json.WrittenSpan));
                Step(_ftsDelete);
                json.ResetWrittenCount();
            }

            if (_ftsRows.Count > 0)
            {
                using (var writer = new Utf8JsonWriter(json))
                {
                    writer.WriteStartArray();
                    foreach (var (rowId, (title, summary, place, actors)) in _ftsRows)
                    {
                        writer.WriteStartArray();
                        writer.WriteNumberValue(rowId);
                        writer.WriteStringValue(title);
                        writer.WriteStringValue(summary);
                        writer.WriteStringValue(place);
                        writer.WriteStringValue(actors);
                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                Check(raw.sqlite3_bind_text(_ftsInsert, 1, json.WrittenSpan));
                Step(_ftsInsert);
                json.ResetWrittenCount();
            }

            _ftsDeletions.Clear();
            _ftsRows.Clear();
        }

        public void Dispose()
        {
            foreach (var statement in new[] { _insert, _update, _revision, _ftsDelete, _ftsInsert, _externalId, _change })
            {
                statement?.Dispose();
            }
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            return statement;
        }

        /// <summary>Binds text as UTF-8 from a buffer this batch reuses (SQLite copies it), or NULL.</summary>
        private void Text(sqlite3_stmt statement, int index, string? value)
        {
            if (value is null)
            {
                Check(raw.sqlite3_bind_null(statement, index));
                return;
            }

            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (length > _text.Length)
            {
                _text = new byte[Math.Max(length, _text.Length * 2)];
            }

            var written = Encoding.UTF8.GetBytes(value, _text);
            Check(raw.sqlite3_bind_text(statement, index, _text.AsSpan(0, written)));
        }

        private void Step(sqlite3_stmt statement)
        {
            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
            {
                Check(result);
            }
        }

        /// <summary>Runs an INSERT or UPDATE … RETURNING rowid: the row's id, or null when it wrote nothing.</summary>
        private long? StepForRowId(sqlite3_stmt statement)
        {
            var result = raw.sqlite3_step(statement);
            long? rowId = result == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : null;
            if (result == raw.SQLITE_ROW)
            {
                result = raw.sqlite3_step(statement);
            }

            raw.sqlite3_reset(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            return rowId;
        }

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }
        }
    }
}
