-- Subscriptions, the outbox and the delivery log.
CREATE TABLE subscriptions (
    id           TEXT PRIMARY KEY,
    target_key   TEXT NOT NULL,
    paused       INTEGER NOT NULL DEFAULT 0,
    document     TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

-- One row per change to any subscription: its max(rowid) is the version a matcher compares.
CREATE TABLE subscription_versions (
    version      INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at   INTEGER NOT NULL
);

-- One row per (subscription, event, revision, action); the unique key makes enqueueing idempotent.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    key              TEXT NOT NULL UNIQUE,
    subscription_id  TEXT NOT NULL,
    target_key       TEXT NOT NULL,
    event_id         TEXT NOT NULL,
    revision         INTEGER NOT NULL,
    action           TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    due_at           INTEGER NOT NULL,
    state            TEXT NOT NULL DEFAULT 'Pending', -- Pending, Sent, Dead
    group_id         TEXT,
    claimed_until    INTEGER,
    attempts         INTEGER NOT NULL DEFAULT 0,
    message_ref      TEXT,
    sent_at          INTEGER,
    last_error       TEXT
);

CREATE INDEX ix_outbox_pending ON outbox (state, due_at) WHERE state = 'Pending';
CREATE INDEX ix_outbox_event ON outbox (event_id, subscription_id);
CREATE INDEX ix_outbox_group ON outbox (group_id) WHERE group_id IS NOT NULL;

CREATE TABLE delivery_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id  TEXT NOT NULL,
    event_id         TEXT NOT NULL,
    revision         INTEGER NOT NULL,
    decision         TEXT NOT NULL,
    detail           TEXT NOT NULL,
    at               INTEGER NOT NULL
);

CREATE INDEX ix_delivery_log_pair ON delivery_log (subscription_id, event_id, id);
