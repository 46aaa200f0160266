-- The curated event store: current state, every revision, the change feed and reader cursors.
CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    subtype      TEXT NOT NULL,
    status       TEXT NOT NULL,
    severity     INTEGER NOT NULL,
    occurred_at  INTEGER NOT NULL, -- Unix milliseconds, UTC
    country      TEXT,
    admin1       TEXT,
    admin2       TEXT,
    admin3       TEXT,
    place        TEXT,
    border_pair  TEXT,
    revision     INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    fingerprint  TEXT NOT NULL,
    document     TEXT NOT NULL
);

CREATE INDEX ix_events_occurred ON events (occurred_at DESC);
CREATE INDEX ix_events_kind_occurred ON events (kind, occurred_at DESC);
CREATE INDEX ix_events_status_occurred ON events (status, occurred_at DESC);
CREATE INDEX ix_events_country ON events (country);
CREATE INDEX ix_events_border ON events (border_pair);

CREATE TABLE event_external_ids (
    external_id  TEXT PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES events (id)
) WITHOUT ROWID;

-- A rowid table: documents are large, and WITHOUT ROWID suits only small rows.
CREATE TABLE event_revisions (
    event_id     TEXT NOT NULL REFERENCES events (id),
    revision     INTEGER NOT NULL,
    recorded_at  INTEGER NOT NULL,
    document     TEXT NOT NULL,
    UNIQUE (event_id, revision)
);

-- AUTOINCREMENT: a sequence is never reused, even after the newest row is deleted, so cursors stay valid.
CREATE TABLE change_feed (
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    change_kind  TEXT NOT NULL,
    status       TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL
);

CREATE TABLE cursors (
    name         TEXT PRIMARY KEY,
    position     INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- Full-text search; rowid = events.rowid.
CREATE VIRTUAL TABLE events_fts USING fts5 (
    title, summary, place, actors,
    tokenize = 'unicode61 remove_diacritics 2'
);
