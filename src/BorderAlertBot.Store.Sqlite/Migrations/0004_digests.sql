-- A channel's commands read its own subscriptions.
CREATE INDEX ix_subscriptions_target ON subscriptions (target_key, created_at);

-- Digests go through the outbox: a row per (subscription, slot), action 'Digest', no event (event_id '', revision 0),
-- the digest composed at its slot in payload (JSON) until it is sent. A quiet slot that sends nothing is state 'Skipped'.
ALTER TABLE outbox ADD COLUMN payload TEXT;

-- The latest slot recorded per subscription, written with its outbox row: the scheduler's "done" list, and where the
-- next digest's window starts after downtime.
CREATE TABLE digest_slots (
    subscription_id  TEXT PRIMARY KEY,
    slot_at          INTEGER NOT NULL,
    recorded_at      INTEGER NOT NULL
) WITHOUT ROWID;
