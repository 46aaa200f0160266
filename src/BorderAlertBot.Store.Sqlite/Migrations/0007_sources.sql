-- Each polled source's cursor and health (sources status), kept across restarts.
CREATE TABLE source_state (
    name                  TEXT PRIMARY KEY,
    cursor                TEXT,
    last_success_at       INTEGER, -- Unix milliseconds, UTC
    last_error_at         INTEGER,
    last_error            TEXT,
    consecutive_failures  INTEGER NOT NULL,
    items_seen            INTEGER NOT NULL,
    next_poll_at          INTEGER,
    disabled_reason       TEXT
) WITHOUT ROWID;
