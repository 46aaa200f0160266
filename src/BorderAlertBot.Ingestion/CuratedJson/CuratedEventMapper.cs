using System.Globalization;
using System.Text.RegularExpressions;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Ingestion.CuratedJson;

/// <summary>Checks a curated record field by field and turns it into an event, or into every error it has.</summary>
internal static partial class CuratedEventMapper
{
    public static (ConflictEvent? Event, IReadOnlyList<ImportError> Errors) Map(CuratedEventDto dto, int index, int line)
    {
        var errors = new Errors(index, line);
        var idIsValid = EventId.TryParse(dto.Id, out var id);
        if (dto.Id is null)
        {
            errors.Add("id", "is required");
        }
        else if (!idIsValid)
        {
            errors.Add("id", $"'{dto.Id}' must be evt_ followed by up to 64 of a-z, 0-9, '_' or '-'");
        }

        var kind = errors.Enum<EventKind>("kind", dto.Kind, required: true);
        var subtype = errors.Enum<EventSubtype>("subtype", dto.Subtype, required: true);
        if (kind is { } k && subtype is { } s && s.Kind() != k)
        {
            errors.Add("subtype", $"{s} is a {s.Kind()} subtype, not a {k} one (for {k}: {string.Join(", ", EventSubtypeExtensions.SubtypesOf(k))})");
        }

        var title = dto.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "is required");
        }
        else if (title.Length > ConflictEvent.MaxTitleLength)
        {
            errors.Add("title", $"is {title.Length} characters; at most {ConflictEvent.MaxTitleLength}");
        }

        var summary = dto.Summary?.Trim() ?? string.Empty;
        if (summary.Length > ConflictEvent.MaxSummaryLength)
        {
            errors.Add("summary", $"is {summary.Length} characters; at most {ConflictEvent.MaxSummaryLength}");
        }

        var occurred = MapOccurred(dto.Occurred, errors);
        var location = MapLocation(dto.Location, errors);
        BorderPosition? border = null;
        if (dto.Border is not null)
        {
            if (BorderPair.TryParse(dto.Border, out var pair))
            {
                border = new BorderPosition(pair, null);
            }
            else
            {
                errors.Add("border", $"'{dto.Border}' must be two country codes such as CN-MM");
            }
        }

        var externalIds = new List<string>();
        foreach (var (externalId, i) in (dto.ExternalIds ?? []).Select((value, i) => (value, i)))
        {
            if (externalId is null || !ExternalIdPattern().IsMatch(externalId))
            {
                errors.Add($"externalIds[{i}]", $"'{externalId}' must look like source:id, e.g. acled:MMR22121");
            }
            else
            {
                externalIds.Add(externalId);
            }
        }

        var actors = MapActors(dto.Actors, errors);
        var figures = MapFigures(dto.Figures, errors);
        var sources = MapSources(dto.Sources, errors);
        var status = errors.Enum<EventStatus>("status", dto.Status, required: true);
        var statusReason = string.IsNullOrWhiteSpace(dto.StatusReason) ? null : dto.StatusReason.Trim();
        if (status is EventStatus.Merged)
        {
            errors.Add("status", "Merged is set by merging events (events merge), not by a file; use Pending, Verified, Rejected or Retracted");
        }
        else if (status is { } st && st.NeedsReason() && statusReason is null)
        {
            errors.Add("statusReason", $"is required when status is {st}");
        }

        SeverityOverride? severityOverride = null;
        if (dto.SeverityOverride is { } so)
        {
            if (so.Severity is not (>= 1 and <= 5))
            {
                errors.Add("severityOverride.severity", "must be 1 (Low) to 5 (Critical)");
            }

            if (string.IsNullOrWhiteSpace(so.Reason))
            {
                errors.Add("severityOverride.reason", "is required: say why the curator overrides the rules");
            }

            if (so.Severity is >= 1 and <= 5 && !string.IsNullOrWhiteSpace(so.Reason))
            {
                severityOverride = new SeverityOverride((Severity)so.Severity.Value, so.Reason.Trim());
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors.List);
        }

        // Every value below was checked above; errors.Count == 0 guarantees they are set.
        var severity = SeverityRules.Assess(new SeverityInput(kind!.Value, subtype!.Value, figures), severityOverride);
        var conflictEvent = new ConflictEvent(
            id, externalIds, kind.Value, subtype.Value, title!, summary, occurred!, location, border,
            actors, figures, sources, status!.Value, statusReason, severity, RevisionInfo.Unsaved);
        return (conflictEvent, []);
    }

    private static Occurrence? MapOccurred(OccurredDto? dto, Errors errors)
    {
        if (dto?.At is null)
        {
            errors.Add("occurred.at", "is required: a date (2023-10-27) or an instant with offset (2023-10-27T04:00:00+06:30)");
            return null;
        }

        var at = ParseTime(dto.At, out var isDate);
        if (at is null)
        {
            errors.Add("occurred.at", $"'{dto.At}' is neither a date (2023-10-27) nor an instant with offset (2023-10-27T04:00:00+06:30)");
            return null;
        }

        var precision = dto.Precision is null
            ? isDate ? TimePrecision.Day : TimePrecision.Exact
            : errors.Enum<TimePrecision>("occurred.precision", dto.Precision, required: false);
        return precision is { } p ? new Occurrence(at.Value, p) : null;
    }

    private static Location? MapLocation(LocationDto? dto, Errors errors)
    {
        if (dto is null)
        {
            return null;
        }

        var country = dto.Country?.Trim();
        if (country is null || country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add("location.country", $"'{dto.Country}' must be an ISO 3166-1 alpha-2 code such as MM or CN");
        }

        var precision = errors.Enum<LocationPrecision>("location.precision", dto.Precision, required: true);
        GeoPoint? point = null;
        if (dto.Lat is { } lat && dto.Lon is { } lon)
        {
            if (GeoPoint.IsValid(lat, lon))
            {
                point = new GeoPoint(lat, lon);
            }
            else
            {
                errors.Add("location.lat", $"({lat}, {lon}) is not a valid latitude and longitude");
            }
        }
        else if (dto.Lat is not null || dto.Lon is not null)
        {
            errors.Add(dto.Lat is null ? "location.lat" : "location.lon", "lat and lon go together");
        }

        if (precision is LocationPrecision.Exact or LocationPrecision.Near && point is null && dto.Lat is null && dto.Lon is null)
        {
            errors.Add("location.lat", $"lat and lon are required at precision {precision.Value.ToString().ToLowerInvariant()}");
        }

        if (precision is null || country is null)
        {
            return null;
        }

        // A country-level point (such as GDELT's Myanmar centroid) is not a location: drop it.
        return new Location(country, Clean(dto.Admin1), Clean(dto.Admin2), Clean(dto.Admin3), Clean(dto.Place),
            precision == LocationPrecision.Country ? null : point, precision.Value);
    }

    private static List<Actor> MapActors(List<ActorDto>? dtos, Errors errors)
    {
        var actors = new List<Actor>();
        foreach (var (dto, i) in (dtos ?? []).Select((value, i) => (value, i)))
        {
            if (string.IsNullOrWhiteSpace(dto?.Name))
            {
                errors.Add($"actors[{i}].name", "is required");
                continue;
            }

            var name = dto.Name.Trim();
            actors.Add(new Actor(name, Clean(dto.Short) ?? ActorNames.ShortFormOf(name)));
        }

        return actors;
    }

    private static List<Figure> MapFigures(List<FigureDto>? dtos, Errors errors)
    {
        var figures = new List<Figure>();
        foreach (var (dto, i) in (dtos ?? []).Select((value, i) => (value, i)))
        {
            var kind = errors.Enum<FigureKind>($"figures[{i}].kind", dto?.Kind, required: true);
            if (dto?.Value is not { } value || value < 0)
            {
                errors.Add($"figures[{i}].value", "is required and must be a whole number ≥ 0");
            }

            if (string.IsNullOrWhiteSpace(dto?.ReportedBy))
            {
                errors.Add($"figures[{i}].reportedBy", "is required: who reported this figure");
            }

            if (kind is { } k && dto?.Value is >= 0 && !string.IsNullOrWhiteSpace(dto.ReportedBy))
            {
                figures.Add(new Figure(k, dto.Value.Value, dto.ReportedBy.Trim(), Clean(dto.Note)));
            }
        }

        return figures;
    }

    private static List<Source> MapSources(List<SourceDto>? dtos, Errors errors)
    {
        var sources = new List<Source>();
        if (dtos is null || dtos.Count == 0)
        {
            errors.Add("sources", "at least one source is required");
            return sources;
        }

        foreach (var (dto, i) in dtos.Select((value, i) => (value, i)))
        {
            if (string.IsNullOrWhiteSpace(dto?.Name))
            {
                errors.Add($"sources[{i}].name", "is required");
            }

            if (!Uri.TryCreate(dto?.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"sources[{i}].url", $"'{dto?.Url}' must be an absolute http(s) URL");
                url = null;
            }

            DateTimeOffset? publishedAt = null;
            if (dto?.PublishedAt is { } published)
            {
                publishedAt = ParseTime(published, out _);
                if (publishedAt is null)
                {
                    errors.Add($"sources[{i}].publishedAt", $"'{published}' is neither a date nor an instant with offset");
                }
            }

            if (url is not null && !string.IsNullOrWhiteSpace(dto?.Name))
            {
                sources.Add(new Source(dto.Name.Trim(), url, publishedAt));
            }
        }

        return sources;
    }

    private static DateTimeOffset? ParseTime(string text, out bool isDate)
    {
        isDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (isDate)
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        // An instant must carry its offset: a bare local time would silently mean different things on different servers.
        var hasOffset = text.EndsWith('Z') || OffsetSuffix().IsMatch(text);
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z]+:[A-Za-z0-9_.-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex("[+-][0-9]{2}:[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();

    private sealed class Errors(int index, int line)
    {
        public List<ImportError> List { get; } = [];

        public int Count => List.Count;

        public void Add(string field, string message) => List.Add(new ImportError(index, line, field, message));

        public T? Enum<T>(string field, string? text, bool required)
            where T : struct, System.Enum
        {
            if (text is null)
            {
                if (required)
                {
                    Add(field, $"is required (one of {string.Join(", ", Names<T>())})");
                }

                return null;
            }

            // Exact names only: Enum.TryParse would also take numbers and "A, B" lists, turning them into other values.
            if (Names<T>().FirstOrDefault(candidate => string.Equals(candidate, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match)
            {
                return System.Enum.Parse<T>(match);
            }

            Add(field, $"'{text}' is not one of {string.Join(", ", Names<T>())}");
            return null;
        }

        private static string[] Names<T>()
            where T : struct, System.Enum =>
            System.Enum.GetNames<T>();
    }
}
