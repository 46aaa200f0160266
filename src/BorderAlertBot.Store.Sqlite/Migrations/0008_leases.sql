-- Named leases (ILeaseStore): work that runs on one instance at a time — the alert watcher, the digest scheduler, source
-- pollers — and each instance's presence. A holder keeps a lease by renewing it before expires_at (Unix ms, UTC).
CREATE TABLE leases (
    name         TEXT PRIMARY KEY,
    holder       TEXT NOT NULL,
    expires_at   INTEGER NOT NULL,
    acquired_at  INTEGER NOT NULL
) WITHOUT ROWID;
