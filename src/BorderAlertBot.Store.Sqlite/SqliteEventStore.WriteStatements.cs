using System.Buffers;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>What a write gathers to write at its end (its new events' day counts) and its documents' buffer, reused from write to write.</summary>
    private sealed record WriteBuffers(ArrayBufferWriter<byte> Document, DayCountDeltas DayCounts);

    /// <summary>
    /// The statements of one write transaction, prepared once on the writer's connection and reused for every event of
    /// the batch. They run through SQLite's own API rather than <see cref="SqliteCommand"/> (<see cref="RawStatements"/>):
    /// an import writes a million events through here, and the ADO.NET layer cost more than SQLite itself. Each document
    /// is written once, to <c>events</c>; a revision first moves the current one to <c>event_revisions</c>. The batch's
    /// new events' day counts (<see cref="DayCountDeltas"/>) are written together at the end; its searchable text is
    /// gathered for the search index (<see cref="Search"/>), which takes it once the write is committed.
    /// </summary>
    private sealed class WriteStatements : IDisposable
    {
        private const string Columns = "kind, subtype, status, severity, occurred_at, country, admin1, admin2, admin3, place, border_pair, revision, updated_at, fingerprint, document";

        private readonly RawStatements _statements;
        private readonly RawStatements.Statement _insert;
        private readonly RawStatements.Statement _update;
        private readonly RawStatements.Statement _archive;
        private readonly RawStatements.Statement _externalId;
        private readonly RawStatements.Statement _change;
        private readonly RawStatements.Statement _dayCount;
        private readonly List<SearchRow> _search = [];
        private long _firstSequence;
        private long _lastSequence;
        private readonly ArrayBufferWriter<byte> _document;
        private readonly DayCountDeltas _dayCounts;

        public WriteStatements(SqliteConnection connection, WriteBuffers buffers)
        {
            (_document, _dayCounts) = (buffers.Document, buffers.DayCounts);
            _dayCounts.Clear();
            var s = _statements = new RawStatements(connection.Handle!); // An open connection has a handle.
            _insert = s.Prepare($"INSERT INTO events (id, {Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT (id) DO NOTHING;");
            _update = s.Prepare(
                "UPDATE events SET kind = ?2, subtype = ?3, status = ?4, severity = ?5, occurred_at = ?6, country = ?7, admin1 = ?8, admin2 = ?9, admin3 = ?10, place = ?11, border_pair = ?12, revision = ?13, updated_at = ?14, fingerprint = ?15, document = ?16 WHERE id = ?1 AND revision = ?13 - 1 RETURNING rowid;");

            // The current document lives only in events (0009_revisions_once.sql): a revision moves it to event_revisions.
            _archive = s.Prepare("INSERT INTO event_revisions (event_id, revision, recorded_at, document) SELECT id, revision, updated_at, document FROM events WHERE id = ?1 AND revision = ?2;");

            // The first event to claim an external id keeps it; merging duplicates is curation's job.
            _externalId = s.Prepare("INSERT INTO event_external_ids (external_id, event_id) VALUES (?1, ?2) ON CONFLICT (external_id) DO NOTHING;");
            _change = s.Prepare("INSERT INTO change_feed (event_id, revision, change_kind, status, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5);");
            _dayCount = s.Prepare("INSERT INTO event_day_counts (day, status, kind, severity, country, border_pair, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET count = count + excluded.count;");
        }

        /// <summary>The write's change-feed sequences and searchable text; null when it wrote nothing.</summary>
        public SearchBatch? Search => _search.Count == 0 ? null : new SearchBatch(_firstSequence, _lastSequence, _search);

        public void Write(EventWrite write)
        {
            var s = _statements;
            var conflictEvent = write.Event;
            var id = conflictEvent.Id.Value;
            var revision = conflictEvent.Revision.Number;
            var at = conflictEvent.Revision.At.ToUnixTimeMilliseconds();
            var location = conflictEvent.Location;
            if (revision > 1)
            {
                // The update trigger moves the event's count from its old key, which must hold it already: an event this
                // write created and has not counted yet is counted first.
                if (_dayCounts.Holds(conflictEvent.Id))
                {
                    FlushDayCounts();
                }

                s.Text(_archive, 1, id);
                s.Integer(_archive, 2, revision - 1);
                s.Step(_archive);
            }

            var upsert = revision == 1 ? _insert : _update;
            s.Text(upsert, 1, id);
            s.Text(upsert, 2, EnumText<EventKind>.Of(conflictEvent.Kind));
            s.Text(upsert, 3, EnumText<EventSubtype>.Of(conflictEvent.Subtype));
            s.Text(upsert, 4, EnumText<EventStatus>.Of(conflictEvent.Status));
            s.Integer(upsert, 5, (int)conflictEvent.Severity.Effective);
            s.Integer(upsert, 6, conflictEvent.Occurred.At.ToUnixTimeMilliseconds());
            s.Text(upsert, 7, location?.CountryCode);
            s.Text(upsert, 8, location?.Admin1);
            s.Text(upsert, 9, location?.Admin2);
            s.Text(upsert, 10, location?.Admin3);
            s.Text(upsert, 11, location?.Place);
            s.Text(upsert, 12, conflictEvent.Border?.Pair.ToString());
            s.Integer(upsert, 13, revision);
            s.Integer(upsert, 14, at);
            s.Text(upsert, 15, write.Fingerprint);
            _document.ResetWrittenCount();
            write.WriteDocument(_document);
            s.Text(upsert, 16, _document.WrittenSpan);
            var rowId = (revision == 1 ? s.StepForInsertedRowId(upsert) : s.StepForRowId(upsert)) ?? throw new ConcurrencyException(revision == 1
                ? $"{conflictEvent.Id} already exists, so it cannot be created as revision 1."
                : $"{conflictEvent.Id} is no longer at revision {revision - 1}; another writer moved it on.");

            if (revision == 1)
            {
                _dayCounts.Add(conflictEvent); // A revision's move between counts is the update trigger's.
            }

            _search.Add(new SearchRow(rowId, Replaces: revision > 1, write.Searchable ?? SearchableText.Of(conflictEvent)));
            var externalIds = conflictEvent.ExternalIds;
            for (var i = 0; i < externalIds.Count; i++) // By index: a foreach over the interface allocates an enumerator.
            {
                s.Text(_externalId, 1, externalIds[i]);
                s.Text(_externalId, 2, id);
                s.Step(_externalId);
            }

            s.Text(_change, 1, id);
            s.Integer(_change, 2, revision);
            s.Text(_change, 3, EnumText<ChangeKind>.Of(revision == 1 ? ChangeKind.Created : ChangeKind.Revised));
            s.Text(_change, 4, EnumText<EventStatus>.Of(conflictEvent.Status));
            s.Integer(_change, 5, at);
            s.Step(_change);
            _lastSequence = s.LastInsertRowId;
            if (_firstSequence == 0)
            {
                _firstSequence = _lastSequence;
            }
        }

        /// <summary>Writes what the batch gathered: its new events' day counts.</summary>
        public void Flush() => FlushDayCounts();

        public void Dispose() => _statements.Dispose();

        private void FlushDayCounts()
        {
            if (_dayCounts.Count == 0)
            {
                return;
            }

            var s = _statements;
            foreach (var (day, status, kind, severity, country, borderPair, count) in _dayCounts.Rows())
            {
                s.Integer(_dayCount, 1, day);
                s.Text(_dayCount, 2, status);
                s.Text(_dayCount, 3, kind);
                s.Integer(_dayCount, 4, severity);
                s.Text(_dayCount, 5, country);
                s.Text(_dayCount, 6, borderPair);
                s.Integer(_dayCount, 7, count);
                s.Step(_dayCount);
            }

            _dayCounts.Clear();
        }
    }
}
