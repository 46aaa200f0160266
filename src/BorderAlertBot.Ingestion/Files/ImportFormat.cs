namespace BorderAlertBot.Ingestion.Files;

/// <summary>The kinds of file the <c>import</c> verb and the drop folder read.</summary>
public enum ImportFormat
{
    /// <summary>Our curated JSON (schemas/curated-events.schema.json); each record keeps its own status.</summary>
    Curated,

    /// <summary>An ACLED CSV export, either layout; new events get ACLED's trust.</summary>
    Acled,
}
