using System.Security.Cryptography;
using System.Text.Json;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

/// <summary>Serialises events for storage and fingerprints their content, so an unchanged re-import can be recognised.</summary>
public static class EventDocument
{
    public static string Serialize(ConflictEvent conflictEvent) =>
        JsonSerializer.Serialize(conflictEvent, EventJsonContext.Default.ConflictEvent);

    public static ConflictEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EventJsonContext.Default.ConflictEvent)
        ?? throw new BorderAlertBotException("A stored event document was empty.");

    /// <summary>A hash of everything a curator states about the event, leaving out the revision bookkeeping.</summary>
    public static string Fingerprint(ConflictEvent conflictEvent)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(conflictEvent with { Revision = RevisionInfo.Unsaved }, EventJsonContext.Default.ConflictEvent);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }
}
