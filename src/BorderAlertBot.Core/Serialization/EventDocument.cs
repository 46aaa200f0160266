using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Serialization;

/// <summary>Serialises events for storage and fingerprints their content, so an unchanged re-import can be recognised.</summary>
public static class EventDocument
{
    // The revision is the event's last property, so a document is its content's JSON with the revision's JSON in place
    // of the unsaved one: a writer that fingerprinted the content need not serialise the event a second time.
    private static readonly byte[] UnsavedRevision = JsonSerializer.SerializeToUtf8Bytes(RevisionInfo.Unsaved, EventJsonContext.Default.RevisionInfo);

    public static string Serialize(ConflictEvent conflictEvent) =>
        JsonSerializer.Serialize(conflictEvent, EventJsonContext.Default.ConflictEvent);

    /// <summary>The stored document as UTF-8, as <see cref="Serialize"/> writes it.</summary>
    public static byte[] SerializeToUtf8(ConflictEvent conflictEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(conflictEvent, EventJsonContext.Default.ConflictEvent);

    public static ConflictEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EventJsonContext.Default.ConflictEvent)
        ?? throw new BorderAlertBotException("A stored event document was empty.");

    /// <summary>A hash of everything a curator states about the event, leaving out the revision bookkeeping.</summary>
    public static string Fingerprint(ConflictEvent conflictEvent) => Fingerprint(SerializeContent(conflictEvent));

    /// <summary>The fingerprint of content serialised by <see cref="SerializeContent"/>.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The event without its revision bookkeeping, as UTF-8 JSON: what <see cref="Fingerprint(ConflictEvent)"/> hashes.</summary>
    public static byte[] SerializeContent(ConflictEvent conflictEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(
            ReferenceEquals(conflictEvent.Revision, RevisionInfo.Unsaved) ? conflictEvent : conflictEvent with { Revision = RevisionInfo.Unsaved }, // A source's event has no revision yet.
            EventJsonContext.Default.ConflictEvent);

    /// <summary>
    /// The document of the event whose content is <paramref name="content"/> (from <see cref="SerializeContent"/>) at
    /// <paramref name="revision"/>: byte for byte what <see cref="SerializeToUtf8"/> gives, without serialising it again.
    /// </summary>
    public static byte[] WithRevision(ReadOnlySpan<byte> content, RevisionInfo revision)
    {
        var document = new ArrayBufferWriter<byte>(content.Length + 256);
        WriteWithRevision(content, revision, document);
        return document.WrittenSpan.ToArray();
    }

    /// <summary>As <see cref="WithRevision"/>, appended to <paramref name="document"/>: a writer of many reuses one buffer.</summary>
    public static void WriteWithRevision(ReadOnlySpan<byte> content, RevisionInfo revision, IBufferWriter<byte> document)
    {
        var tail = UnsavedRevision.Length + 1; // The revision's JSON and the event's closing brace.
        if (content.Length <= tail || !content[^tail..^1].SequenceEqual(UnsavedRevision) || content[^1] != (byte)'}')
        {
            throw new ArgumentException("Not an event's content as SerializeContent writes it.", nameof(content));
        }

        document.Write(content[..^tail]);
        using (var writer = new Utf8JsonWriter(document))
        {
            JsonSerializer.Serialize(writer, revision, EventJsonContext.Default.RevisionInfo);
        }

        document.Write("}"u8);
    }
}
