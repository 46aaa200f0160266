-- Subscriptions, the outbox, digests and the delivery log.
CREATE TABLE subscriptions (
    id           text PRIMARY KEY,
    target_key   text NOT NULL,
    paused       boolean NOT NULL DEFAULT false,
    document     text NOT NULL,
    created_at   bigint NOT NULL
);

CREATE INDEX ix_subscriptions_target ON subscriptions (target_key, created_at);

-- One row, bumped in every transaction that changes a subscription: the row lock orders the bumps as the commits, so a
-- matcher that read version N and rebuilt its index never misses a change that commits later under a smaller number.
CREATE TABLE subscription_version (
    id           integer PRIMARY KEY CHECK (id = 1),
    version      bigint NOT NULL
);

INSERT INTO subscription_version (id, version) VALUES (1, 0);

-- One row per (subscription, event, revision, action), or per (subscription, digest slot) with action 'Digest', no event
-- ('' and revision 0) and the composed digest in payload; the unique key makes enqueueing idempotent.
CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key              text NOT NULL UNIQUE,
    subscription_id  text NOT NULL,
    target_key       text NOT NULL,
    event_id         text NOT NULL,
    revision         integer NOT NULL,
    action           text NOT NULL,
    created_at       bigint NOT NULL,
    due_at           bigint NOT NULL,
    state            text NOT NULL DEFAULT 'Pending', -- Pending, Sent, Dead, Skipped
    group_id         text,
    claimed_until    bigint,
    attempts         integer NOT NULL DEFAULT 0,
    message_ref      text,
    sent_at          bigint,
    last_error       text,
    payload          text
);

-- A claim walks the unclaimed rows oldest first and stops once it has its subscriptions.
CREATE INDEX ix_outbox_unclaimed ON outbox (id, due_at, subscription_id) WHERE state = 'Pending' AND group_id IS NULL;
-- Groups whose lease ran out are found by their lease's end, among the groups in flight only.
CREATE INDEX ix_outbox_claimed ON outbox (claimed_until) WHERE state = 'Pending' AND group_id IS NOT NULL;
-- "Has this subscription a group in flight?" and a subscription's waiting rows.
CREATE INDEX ix_outbox_subscription_pending ON outbox (subscription_id, group_id) WHERE state = 'Pending';
CREATE INDEX ix_outbox_event ON outbox (event_id, subscription_id);
CREATE INDEX ix_outbox_group ON outbox (group_id) WHERE group_id IS NOT NULL;

-- One row per subscription that has had outbox rows: the row a claim locks FOR UPDATE SKIP LOCKED, so two instances never
-- claim the same subscription at once (one group per subscription in flight, in order) and never wait for each other.
CREATE TABLE outbox_lanes (
    subscription_id  text PRIMARY KEY
);

CREATE TABLE digest_slots (
    subscription_id  text PRIMARY KEY,
    slot_at          bigint NOT NULL,
    recorded_at      bigint NOT NULL
);

CREATE TABLE delivery_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  text NOT NULL,
    event_id         text NOT NULL,
    revision         integer NOT NULL,
    decision         text NOT NULL,
    detail           text NOT NULL,
    at               bigint NOT NULL
);

CREATE INDEX ix_delivery_log_pair ON delivery_log (subscription_id, event_id, id);
