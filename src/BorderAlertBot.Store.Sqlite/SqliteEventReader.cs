using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite;

internal static class SqliteEventReader
{
    /// <summary>Runs a query whose first column is an event document.</summary>
    public static async Task<IReadOnlyList<ConflictEvent>> ReadDocumentsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<ConflictEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(EventDocument.Deserialize(reader.GetString(0)));
        }

        return events;
    }
}
