using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>
/// What a curator corrects in an event; null leaves a field as it is. A new subtype may change the kind, and the severity
/// is worked out again from the rules (a curator's override, set here or before, stays beside it).
/// </summary>
public sealed record EventCorrection
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public EventSubtype? Subtype { get; init; }

    public Occurrence? Occurred { get; init; }

    /// <summary>A gazetteer place the event happened at (its name, admin areas and point).</summary>
    public string? Place { get; init; }

    public SeverityOverride? SeverityOverride { get; init; }

    public bool ClearSeverityOverride { get; init; }

    public Source? AddSource { get; init; }

    public bool IsEmpty => this == new EventCorrection();
}
