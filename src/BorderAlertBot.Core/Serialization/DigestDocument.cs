using System.Text.Json;
using BorderAlertBot.Digests;

namespace BorderAlertBot.Serialization;

/// <summary>A composed digest as the outbox keeps it until it is sent. Done outside the store's write transaction, which it would otherwise hold up.</summary>
public static class DigestDocument
{
    public static string Serialize(DigestContent content) => JsonSerializer.Serialize(content, DigestJsonContext.Default.DigestContent);

    public static DigestContent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, DigestJsonContext.Default.DigestContent)
        ?? throw new BorderAlertBotException("A stored digest was empty.");
}
