namespace BorderAlertBot.Ingestion.CuratedJson;

/// <summary>One record of the curated JSON format as written (schemas/curated-events.schema.json); validated by <see cref="CuratedEventMapper"/>.</summary>
internal sealed class CuratedEventDto
{
    public string? Id { get; init; }

    public List<string>? ExternalIds { get; init; }

    public string? Kind { get; init; }

    public string? Subtype { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public OccurredDto? Occurred { get; init; }

    public LocationDto? Location { get; init; }

    public string? Border { get; init; }

    public List<ActorDto>? Actors { get; init; }

    public List<FigureDto>? Figures { get; init; }

    public List<SourceDto>? Sources { get; init; }

    public string? Status { get; init; }

    public string? StatusReason { get; init; }

    public SeverityOverrideDto? SeverityOverride { get; init; }

    public string? Curator { get; init; }
}

internal sealed class OccurredDto
{
    public string? At { get; init; }

    public string? Precision { get; init; }
}

internal sealed class LocationDto
{
    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public string? Admin2 { get; init; }

    public string? Admin3 { get; init; }

    public string? Place { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public string? Precision { get; init; }
}

internal sealed class ActorDto
{
    public string? Name { get; init; }

    public string? Short { get; init; }
}

internal sealed class FigureDto
{
    public string? Kind { get; init; }

    public long? Value { get; init; }

    public string? ReportedBy { get; init; }

    public string? Note { get; init; }
}

internal sealed class SourceDto
{
    public string? Name { get; init; }

    public string? Url { get; init; }

    public string? PublishedAt { get; init; }
}

internal sealed class SeverityOverrideDto
{
    public int? Severity { get; init; }

    public string? Reason { get; init; }
}
