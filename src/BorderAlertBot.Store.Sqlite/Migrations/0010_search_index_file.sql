-- The full-text index moves to a file of its own beside the store (SqliteSearchIndex), written on a thread of its own
-- from what each event write hands it: inside the write transaction it was some 40 % of an import's writing, and no
-- other thread could take any of it. That file is rebuilt from the events' documents on first use, so the table here
-- goes with its contents.
DROP TABLE events_fts;

-- Which store a search index file was built from: a file left beside another store (or this one recreated) is rebuilt
-- rather than trusted. A backup carries the id; a restored backup's change feed ends before the index's position, which
-- also rebuilds it.
CREATE TABLE store_identity (id TEXT NOT NULL);
INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))));
