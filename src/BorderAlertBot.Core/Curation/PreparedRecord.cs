using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>
/// A record as the importer's reading side leaves it for the batch: the event placed on its border
/// (<paramref name="Enriched"/>), and <paramref name="Expected"/> — that event with the status a new event of this import
/// gets — serialised (<paramref name="Content"/>), fingerprinted and with what search reads of it (<paramref name="Searchable"/>).
/// All null for a record with errors.
/// </summary>
internal sealed record PreparedRecord(
    ImportRecord Record, ConflictEvent? Enriched = null, ConflictEvent? Expected = null, byte[]? Content = null, string? Fingerprint = null,
    Storage.SearchableFields? Searchable = null);
