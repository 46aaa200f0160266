using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using SQLitePCL;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// The full-text rows of one write, gathered in a temporary table and moved into <c>events_fts</c> at its end, in one
/// statement: FTS5 flushes its pending terms to a new segment at every statement of a transaction, so a row at a time
/// left a segment per event to merge. (They were passed as one JSON array before, which SQLite parsed twice per row.)
/// The temporary table lives in the connection's memory and in its transaction: a write that fails leaves nothing there.
/// </summary>
internal sealed class FullTextStage
{
    private readonly RawStatements _statements;
    private readonly sqlite3_stmt _add;
    private readonly sqlite3_stmt _deleteRevised;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _clear;
    private bool _any;
    private bool _anyRevised;

    public FullTextStage(RawStatements statements)
    {
        _statements = statements;
        statements.Execute("CREATE TEMP TABLE IF NOT EXISTS events_fts_pending (id INTEGER PRIMARY KEY, revised INTEGER NOT NULL, title TEXT, summary TEXT, place TEXT, actors TEXT);");

        // The newest revision in the write is the one searched; a row the write revises twice stays marked as revised.
        _add = statements.Prepare(
            "INSERT INTO temp.events_fts_pending (id, revised, title, summary, place, actors) VALUES (?1, ?2, ?3, ?4, ?5, ?6) " +
            "ON CONFLICT (id) DO UPDATE SET revised = revised OR excluded.revised, title = excluded.title, summary = excluded.summary, place = excluded.place, actors = excluded.actors;");
        _deleteRevised = statements.Prepare("DELETE FROM events_fts WHERE rowid IN (SELECT id FROM temp.events_fts_pending WHERE revised);");
        _insert = statements.Prepare("INSERT INTO events_fts (rowid, title, summary, place, actors) SELECT id, title, summary, place, actors FROM temp.events_fts_pending;");
        _clear = statements.Prepare("DELETE FROM temp.events_fts_pending;");
    }

    /// <summary>The searchable text of the event stored as <paramref name="rowId"/>; <paramref name="revised"/> when the row had text before.</summary>
    public void Add(long rowId, ConflictEvent conflictEvent, bool revised)
    {
        _statements.Integer(_add, 1, rowId);
        _statements.Integer(_add, 2, revised ? 1 : 0);
        _statements.Text(_add, 3, conflictEvent.Title);
        _statements.Text(_add, 4, conflictEvent.Summary);
        _statements.Text(_add, 5, SearchableText.Place(conflictEvent.Location));
        _statements.Text(_add, 6, SearchableText.Actors(conflictEvent));
        _statements.Step(_add);
        _any = true;
        _anyRevised |= revised;
    }

    /// <summary>Replaces the stored text of revised rows and adds every gathered row's.</summary>
    public void Flush()
    {
        if (!_any)
        {
            return;
        }

        if (_anyRevised)
        {
            _statements.Step(_deleteRevised);
        }

        _statements.Step(_insert);
        _statements.Step(_clear);
        (_any, _anyRevised) = (false, false);
    }
}
