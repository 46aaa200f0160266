-- Each polled source's cursor and health (sources status), kept across restarts and shared by every instance.
CREATE TABLE source_state (
    name                  text PRIMARY KEY,
    cursor                text,
    last_success_at       bigint, -- Unix milliseconds, UTC
    last_error_at         bigint,
    last_error            text,
    consecutive_failures  integer NOT NULL,
    items_seen            bigint NOT NULL,
    next_poll_at          bigint,
    disabled_reason       text
);
