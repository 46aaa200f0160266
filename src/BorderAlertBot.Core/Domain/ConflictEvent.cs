using System.Text.Json.Serialization;

namespace BorderAlertBot.Domain;

/// <summary>
/// One real-world happening, possibly reported many times (ARCHITECTURE.md §3).
/// The record is immutable; every change is stored as a new revision.
/// </summary>
public sealed record ConflictEvent(
    EventId Id,
    IReadOnlyList<string> ExternalIds,
    EventKind Kind,
    EventSubtype Subtype,
    string Title,
    string Summary,
    Occurrence Occurred,
    Location? Location,
    BorderPosition? Border,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Source> Sources,
    EventStatus Status,
    string? StatusReason,
    SeverityAssessment Severity,
    RevisionInfo Revision)
{
    public const int MaxTitleLength = 200;

    /// <summary>For a <see cref="EventStatus.Merged"/> report: the event it was folded into.</summary>
    /// <remarks>
    /// Left out of the stored document when null, so events that were never merged keep their fingerprints; written
    /// before the other fields, so the revision stays the document's last field (<see cref="Serialization.EventDocument.WithRevision"/>).
    /// </remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(-1)]
    public EventId? MergedInto { get; init; }

    /// <summary>The reports folded into this event, oldest merge first (null when none); each keeps its own revisions, so a split can undo it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<EventId>? MergedReports { get; init; }

    public const int MaxSummaryLength = 600;

    [JsonIgnore]
    public int ReportCount => Sources.Count;

    [JsonIgnore]
    public int OutletCount => Sources.Select(source => source.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>"3 reports · 2 sources".</summary>
    [JsonIgnore]
    public string Corroboration =>
        $"{ReportCount} {(ReportCount == 1 ? "report" : "reports")} · {OutletCount} {(OutletCount == 1 ? "source" : "sources")}";
}
