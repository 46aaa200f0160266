-- Each document is written once. event_revisions keeps the revisions before an event's current one; the current
-- revision is the document in events, and revising moves that document here. Until now a new event's document was
-- written to both tables, which for an import of a million events was half of what it wrote.
DELETE FROM event_revisions
WHERE rowid IN (SELECT r.rowid FROM event_revisions r JOIN events e ON e.id = r.event_id AND e.revision = r.revision);

-- New events' per-day counts are added by the store's batch writer, one upsert per day and key for the whole batch
-- (DayCountDeltas), instead of one per event. A revision still moves its event's count here, by trigger.
DROP TRIGGER events_day_counts_insert;

-- Full-text search keeps only its index (contentless, with deletes): title, summary, place and actors were stored a
-- second time in events_fts_content, which nothing reads (searches return rowids and read documents from events).
-- The rows are rebuilt from the documents, as SearchableText writes them: the place and its admin areas, then the
-- country; every actor's name and short form.
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5 (
    title, summary, place, actors,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO events_fts (rowid, title, summary, place, actors)
SELECT e.rowid,
    e.document ->> '$.title',
    e.document ->> '$.summary',
    concat_ws(' ; ', e.document ->> '$.location.place', e.document ->> '$.location.admin3', e.document ->> '$.location.admin2',
        e.document ->> '$.location.admin1', e.document ->> '$.location.countryCode'),
    (SELECT group_concat(concat_ws(' ; ', a.value ->> '$.name', a.value ->> '$.shortName'), ' ; ') FROM json_each(e.document, '$.actors') a)
FROM events e;
