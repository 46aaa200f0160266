-- The curated event store on PostgreSQL: current state, every revision, the change feed, reader cursors and full-text
-- search. Times are Unix milliseconds (UTC) in bigint columns, as in the SQLite store, so both answer every query alike.
CREATE TABLE events (
    id           text PRIMARY KEY,
    kind         text NOT NULL,
    subtype      text NOT NULL,
    status       text NOT NULL,
    severity     integer NOT NULL,
    occurred_at  bigint NOT NULL,
    country      text,
    admin1       text,
    admin2       text,
    admin3       text,
    place        text,
    border_pair  text,
    revision     integer NOT NULL,
    updated_at   bigint NOT NULL,
    fingerprint  text NOT NULL,
    document     text NOT NULL,
    -- Title, summary, place and actors, folded (lower case, no diacritics) by the writer: the 'simple' configuration keeps
    -- every word as written, so a search matches word prefixes in any language, as FTS5 does for SQLite.
    search       tsvector NOT NULL
);

CREATE INDEX ix_events_occurred ON events (occurred_at DESC, id);
CREATE INDEX ix_events_kind_occurred ON events (kind, occurred_at DESC);
CREATE INDEX ix_events_status_occurred_kind ON events (status, occurred_at, kind, severity, border_pair, country);
CREATE INDEX ix_events_severity_occurred ON events (severity, occurred_at, status, kind, border_pair, country);
CREATE INDEX ix_events_border_occurred ON events (border_pair, occurred_at);
CREATE INDEX ix_events_country_occurred ON events (country, occurred_at);
CREATE INDEX ix_events_search ON events USING gin (search);

CREATE TABLE event_external_ids (
    external_id  text PRIMARY KEY,
    event_id     text NOT NULL REFERENCES events (id)
);

CREATE TABLE event_revisions (
    event_id     text NOT NULL REFERENCES events (id),
    revision     integer NOT NULL,
    recorded_at  bigint NOT NULL,
    document     text NOT NULL,
    PRIMARY KEY (event_id, revision)
);

-- Writers take a transaction-level advisory lock just before they append (PostgresEventStore), so sequence numbers are
-- handed out and committed one writer at a time: a reader that has seen sequence N never later sees a smaller one appear.
CREATE TABLE change_feed (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     text NOT NULL,
    revision     integer NOT NULL,
    change_kind  text NOT NULL,
    status       text NOT NULL,
    recorded_at  bigint NOT NULL
);

CREATE TABLE cursors (
    name         text PRIMARY KEY,
    position     bigint NOT NULL,
    updated_at   bigint NOT NULL
);
