using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using Npgsql;

namespace BorderAlertBot.Store.Postgres;

internal static class PostgresEventReader
{
    /// <summary>Runs a query whose first column is an event document.</summary>
    public static async Task<IReadOnlyList<ConflictEvent>> ReadDocumentsAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        await Sql.ReadAllAsync(command, reader => EventDocument.Deserialize(reader.GetString(0)), cancellationToken);
}
