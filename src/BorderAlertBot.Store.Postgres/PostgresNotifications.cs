using Npgsql;

namespace BorderAlertBot.Store.Postgres;

/// <summary>
/// The NOTIFY channels (ARCHITECTURE.md §10): a write sends one in its own transaction, so it is delivered on commit, to
/// every instance's <see cref="PostgresNotificationListener"/>. The payload is the sending store's origin, so an instance
/// does not wake itself a second time (it already did, in process, when the write returned).
/// </summary>
internal static class PostgresNotifications
{
    /// <summary>Events were written: change-feed readers (the alert watcher) have something to read.</summary>
    public const string Changes = "borderalertbot_changes";

    /// <summary>Outbox rows became claimable or changed: dispatchers (and anything waiting for the outbox to drain) look again.</summary>
    public const string Outbox = "borderalertbot_outbox";

    public static NpgsqlBatchCommand Notify(string channel, string origin) => Sql.Statement("SELECT pg_notify($1, $2);", channel, origin);
}
