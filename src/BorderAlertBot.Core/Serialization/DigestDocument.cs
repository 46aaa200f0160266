using System.Text.Json;
using BorderAlertBot.Digests;

namespace BorderAlertBot.Serialization;

/// <summary>A composed digest as the outbox keeps it until it is sent. Done outside the store's write transaction, which it would otherwise hold up.</summary>
public static class DigestDocument
{
    public static string Serialize(DigestContent content) => JsonSerializer.Serialize(content, DigestJsonContext.Default.DigestContent);

    /// <summary>Each entry's content as stored (null for a slot that sends nothing), serialised in parallel: ten thousand digests are some 50 MB of JSON.</summary>
    public static string?[] SerializeAll(IReadOnlyList<Delivery.DigestEntry> digests)
    {
        var documents = new string?[digests.Count];
        Parallel.For(0, digests.Count, i => documents[i] = digests[i].Content is { } content ? Serialize(content) : null);
        return documents;
    }

    public static DigestContent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, DigestJsonContext.Default.DigestContent)
        ?? throw new BorderAlertBotException("A stored digest was empty.");
}
