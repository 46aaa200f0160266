using System.Globalization;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// One ACLED row to one event (README "ACLED"): our id <c>evt_acled_&lt;event_id_cnty&gt;</c> and the external id
/// <c>acled:&lt;event_id_cnty&gt;</c>; kind and subtype from the event type (<see cref="AcledEventTypes"/>); the place at the
/// precision <c>geo_precision</c> gives; actors with short forms; fatalities as ACLED's figure; severity by the rules. A
/// row with a bad field gets every error it has, named by column; a row the bot does not track is out of scope.
/// </summary>
public static class AcledEventMapper
{
    /// <summary>ACLED's own page is behind a login; the row's API address is where a licensed user reads it.</summary>
    public const string RowUrlPrefix = "https://acleddata.com/api/acled/read?event_id_cnty=";

    public static AcledMapResult Map(AcledRow row, int index, int line)
    {
        var errors = new List<ImportError>();
        void Error(string field, string message) => errors.Add(new ImportError(index, line, field, message));

        var externalKey = row.EventIdCnty?.Trim();
        if (string.IsNullOrEmpty(externalKey))
        {
            Error("event_id_cnty", "is required");
        }
        else if (externalKey.Length > 54 || !externalKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            Error("event_id_cnty", $"'{Clip(externalKey)}' is not an ACLED event id such as MMR22121");
        }

        var eventType = row.EventType?.Trim() ?? string.Empty;
        var subEventType = row.SubEventType?.Trim() ?? string.Empty;
        if (eventType.Length == 0)
        {
            Error("event_type", "is required");
        }

        var notes = Clean(row.Notes) ?? string.Empty;
        var subtype = eventType.Length == 0 ? null : AcledEventTypes.Classify(eventType, subEventType, notes);
        var country = AcledCountries.TryFind(row);
        if (errors.Count == 0 && subtype is null)
        {
            return AcledMapResult.Skipped($"{eventType} / {subEventType}");
        }

        if (errors.Count == 0 && country is null)
        {
            return AcledMapResult.Skipped($"country {row.Country ?? row.Iso ?? row.Iso3}");
        }

        var occurred = MapOccurred(row, Error);
        var location = MapLocation(row, country, Error);
        var actors = MapActors(row, Error);
        var figures = MapFigures(row, Error);
        if (errors.Count > 0)
        {
            return AcledMapResult.Invalid(errors);
        }

        // Checked above: an id, a subtype, a date and a place.
        var kind = subtype!.Value.Kind();
        var conflictEvent = new ConflictEvent(
            EventId.Parse("evt_acled_" + externalKey!.ToLowerInvariant()),
            ["acled:" + externalKey],
            kind,
            subtype.Value,
            Title(subEventType.Length > 0 ? subEventType : eventType, location!, actors),
            Summary(notes, eventType, subEventType),
            occurred!,
            location,
            null,
            actors,
            figures,
            [new Source(SourceName(row.Source), new Uri(RowUrlPrefix + Uri.EscapeDataString(externalKey)), null)],
            EventStatus.Verified,
            null,
            SeverityRules.Assess(new SeverityInput(kind, subtype.Value, figures), null),
            RevisionInfo.Unsaved);
        return AcledMapResult.Mapped(conflictEvent);
    }

    private static Occurrence? MapOccurred(AcledRow row, Action<string, string> error)
    {
        var date = AcledDates.TryParse(row.EventDate);
        if (date is null)
        {
            error("event_date", string.IsNullOrWhiteSpace(row.EventDate)
                ? "is required"
                : $"'{Clip(row.EventDate)}' is not a date (2023-10-27, 2023-10-27T00:00:00Z or 27 October 2023)");
        }

        // ACLED's time_precision: 1 the day, 2 the week, 3 the month (higher is less precise).
        TimePrecision? precision = row.TimePrecision?.Trim() switch
        {
            null or "" or "1" => TimePrecision.Day,
            "2" => TimePrecision.Week,
            "3" => TimePrecision.Month,
            _ => null,
        };
        if (precision is null)
        {
            error("time_precision", $"'{Clip(row.TimePrecision)}' must be 1, 2 or 3");
        }

        return date is { } day && precision is { } p ? new Occurrence(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), p) : null;
    }

    private static Location? MapLocation(AcledRow row, string? country, Action<string, string> error)
    {
        var place = Clean(row.Location);
        if (place is null)
        {
            error("location", "is required");
        }

        var latitude = Number(row.Latitude, "latitude", error);
        var longitude = Number(row.Longitude, "longitude", error);
        GeoPoint? point = null;
        if (latitude is { } lat && longitude is { } lon)
        {
            if (GeoPoint.IsValid(lat, lon))
            {
                point = new GeoPoint(lat, lon);
            }
            else
            {
                error("latitude", $"({lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)}) is not a valid latitude and longitude");
            }
        }

        var admin3 = Clean(row.Admin3);

        // geo_precision 1 is the place itself, 2 near it; 3 is only a larger area, whose point must never be measured
        // against a border (data-sources.md §4.3): the township list decides, or nothing does.
        LocationPrecision? precision = row.GeoPrecision?.Trim() switch
        {
            "1" => LocationPrecision.Exact,
            "2" => LocationPrecision.Near,
            "3" => admin3 is null ? LocationPrecision.Region : LocationPrecision.Township,
            _ => null,
        };
        if (precision is null)
        {
            error("geo_precision", string.IsNullOrWhiteSpace(row.GeoPrecision) ? "is required (1, 2 or 3)" : $"'{Clip(row.GeoPrecision)}' must be 1, 2 or 3");
        }

        return country is null || place is null || point is null || precision is null
            ? null
            : new Location(country, Clean(row.Admin1), Clean(row.Admin2), admin3, place, point, precision.Value);
    }

    private static List<Actor> MapActors(AcledRow row, Action<string, string> error)
    {
        if (Clean(row.Actor1) is null)
        {
            error("actor1", "is required");
        }

        return new[] { row.Actor1, row.AssocActor1, row.Actor2, row.AssocActor2 }
            .SelectMany(names => (names ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .Select(name => new Actor(Clip(name, 300), AcledActorNames.ShortFormOf(name)))
            .ToList();
    }

    private static List<Figure> MapFigures(AcledRow row, Action<string, string> error)
    {
        var text = row.Fatalities?.Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fatalities))
        {
            error("fatalities", string.IsNullOrEmpty(text) ? "is required (0 when unknown)" : $"'{Clip(text)}' is not a whole number ≥ 0");
            return [];
        }

        // ACLED writes 0 for "unknown" as well as for none: only a number it reports is a figure.
        return fatalities > 0 ? [new Figure(FigureKind.Fatalities, fatalities, "ACLED")] : [];
    }

    private static double? Number(string? text, string field, Action<string, string> error)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        error(field, string.IsNullOrWhiteSpace(text) ? "is required" : $"'{Clip(text)}' is not a number");
        return null;
    }

    private static string Title(string what, Location location, List<Actor> actors)
    {
        var who = string.Join(", ", actors.Take(2).Select(actor => actor.ShortName));
        return Clip($"{what} at {location.Place}{(who.Length == 0 ? string.Empty : $" ({who})")}", ConflictEvent.MaxTitleLength);
    }

    /// <summary>The notes, cut to fit at the last sentence (or word) that does, or the types when there are none.</summary>
    private static string Summary(string notes, string eventType, string subEventType)
    {
        if (notes.Length == 0)
        {
            return $"{eventType}{(subEventType.Length == 0 ? string.Empty : $": {subEventType}")} (ACLED gives no notes).";
        }

        if (notes.Length <= ConflictEvent.MaxSummaryLength)
        {
            return notes;
        }

        var room = Cut(notes, ConflictEvent.MaxSummaryLength - 1);
        var sentence = room.LastIndexOf(". ", StringComparison.Ordinal);
        if (sentence >= ConflictEvent.MaxSummaryLength / 2)
        {
            return room[..(sentence + 1)] + " …";
        }

        var word = room.LastIndexOf(' ');
        return (word > 0 ? room[..word] : room) + "…";
    }

    private static string SourceName(string? outlets)
    {
        var cited = Clean(outlets);
        return cited is null ? "ACLED" : Clip($"ACLED, citing {cited}", 200);
    }

    /// <summary>Text with runs of whitespace (line breaks in quoted notes) made single spaces; null when blank.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Most fields are clean already: only text with a line break, a tab, a double space or an edge space is rebuilt.
        var span = text.AsSpan();
        if (!char.IsWhiteSpace(span[0]) && !char.IsWhiteSpace(span[^1]) && span.IndexOfAny(MessyWhitespace) < 0 && !span.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly System.Buffers.SearchValues<char> MessyWhitespace = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(code => (char)code).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    private static string Clip(string? text, int max = 60)
    {
        var value = text ?? string.Empty;
        return value.Length <= max ? value : Cut(value, max - 1) + "…";
    }

    /// <summary>The first <paramref name="length"/> chars or one fewer, never half of a surrogate pair.</summary>
    private static string Cut(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
