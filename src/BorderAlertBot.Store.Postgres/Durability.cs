namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// Whether a write transaction waits for its WAL to reach the disk before it returns (PostgreSQL's synchronous_commit).
/// A write someone was told is done — an event, a subscription — must survive a crash of the database server. The delivery
/// bookkeeping (outbox rows and claims, completions, the delivery log) need not: each of its writes is
/// idempotent by its keys, so if the server crashes before the WAL is flushed (at most a fraction of a second later) the
/// work is done again — a batch sent again under the same idempotency key, a change enqueued again under the same keys —
/// and nothing is lost. Not waiting for the disk saves a flush (milliseconds) in every send's slot.
/// </summary>
public enum Durability
{
    /// <summary>Wait for the flush (the server's default).</summary>
    Flushed,

    /// <summary>Return once committed in memory; the WAL writer flushes within a fraction of a second.</summary>
    Idempotent,
}
