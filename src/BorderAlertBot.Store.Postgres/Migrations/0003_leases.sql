-- Named leases (ILeaseStore): work that runs on one instance at a time — the alert watcher, the digest scheduler, source
-- pollers — and each instance's presence. A holder keeps a lease by renewing it before expires_at (Unix ms, UTC).
CREATE TABLE leases (
    name         text PRIMARY KEY,
    holder       text NOT NULL,
    expires_at   bigint NOT NULL,
    acquired_at  bigint NOT NULL
);
