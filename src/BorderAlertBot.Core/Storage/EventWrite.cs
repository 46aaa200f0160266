using System.Buffers;
using System.Text.Json;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

/// <summary>A new revision to store: <c>Event.Revision.Number</c> is the new number, <paramref name="Fingerprint"/> its content hash.</summary>
public sealed record EventWrite(ConflictEvent Event, string Fingerprint)
{
    /// <summary>
    /// The event's content as <see cref="Serialization.EventDocument.SerializeContent"/> wrote it for the fingerprint, when
    /// the writer has it: a store may build the document from it (<see cref="Serialization.EventDocument.WithRevision"/>)
    /// instead of serialising the event again. Null: the store serialises <see cref="Event"/>.
    /// </summary>
    public byte[]? Content { get; init; }

    /// <summary>
    /// What search reads of <see cref="Event"/>, when the writer has it (an import computes it while reading, off the
    /// store's writer). Null: the store takes it from <see cref="Event"/>.
    /// </summary>
    public SearchableFields? Searchable { get; init; }

    /// <summary>Appends the document to store for <see cref="Event"/>, as UTF-8 JSON, to <paramref name="document"/>.</summary>
    public void WriteDocument(IBufferWriter<byte> document)
    {
        if (Content is { } content)
        {
            Serialization.EventDocument.WriteWithRevision(content, Event.Revision, document);
            return;
        }

        using var writer = new Utf8JsonWriter(document);
        JsonSerializer.Serialize(writer, Event, Serialization.EventJsonContext.Default.ConflictEvent);
    }

    /// <summary>The document to store for <see cref="Event"/> as text, built as <see cref="WriteDocument"/> builds it.</summary>
    public string DocumentText()
    {
        var document = new ArrayBufferWriter<byte>(Content is { } content ? content.Length + 256 : 4096);
        WriteDocument(document);
        return System.Text.Encoding.UTF8.GetString(document.WrittenSpan);
    }

    /// <summary>A write whose fingerprint and document come from one serialisation of the event's content.</summary>
    public static EventWrite Of(ConflictEvent conflictEvent, byte[] content) =>
        new(conflictEvent, Serialization.EventDocument.Fingerprint(content)) { Content = content };
}
