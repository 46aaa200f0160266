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
        var errors = new RowErrors(index, line);

        var externalKey = row.EventIdCnty?.Trim();
        if (string.IsNullOrEmpty(externalKey))
        {
            errors.Add("event_id_cnty", "is required");
        }
        else if (externalKey.Length > 54 || externalKey.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            errors.Add("event_id_cnty", $"'{Clip(externalKey)}' is not an ACLED event id such as MMR22121");
        }

        var eventType = row.EventType?.Trim() ?? string.Empty;
        var subEventType = row.SubEventType?.Trim() ?? string.Empty;
        if (eventType.Length == 0)
        {
            errors.Add("event_type", "is required");
        }

        var notes = Clean(row.Notes) ?? string.Empty;
        var subtype = eventType.Length == 0 ? null : AcledEventTypes.Classify(eventType, subEventType, notes);
        var country = AcledCountries.TryFind(row);
        if (!errors.Any && subtype is null)
        {
            return AcledMapResult.Skipped($"{eventType} / {subEventType}");
        }

        if (!errors.Any && country is null)
        {
            return AcledMapResult.Skipped($"country {row.Country ?? row.Iso ?? row.Iso3}");
        }

        var occurred = MapOccurred(row, errors);
        var location = MapLocation(row, country, errors);
        var actors = MapActors(row, errors);
        var figures = MapFigures(row, errors);
        if (errors.Any)
        {
            return AcledMapResult.Invalid(errors.All);
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

    private static Occurrence? MapOccurred(AcledRow row, RowErrors errors)
    {
        var date = AcledDates.TryParse(row.EventDate);
        if (date is null)
        {
            errors.Add("event_date", string.IsNullOrWhiteSpace(row.EventDate)
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
            errors.Add("time_precision", $"'{Clip(row.TimePrecision)}' must be 1, 2 or 3");
        }

        return date is { } day && precision is { } p ? new Occurrence(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), p) : null;
    }

    private static Location? MapLocation(AcledRow row, string? country, RowErrors errors)
    {
        var place = Clean(row.Location);
        if (place is null)
        {
            errors.Add("location", "is required");
        }

        var latitude = Number(row.Latitude, "latitude", errors);
        var longitude = Number(row.Longitude, "longitude", errors);
        GeoPoint? point = null;
        if (latitude is { } lat && longitude is { } lon)
        {
            if (GeoPoint.IsValid(lat, lon))
            {
                point = new GeoPoint(lat, lon);
            }
            else
            {
                errors.Add("latitude", $"({lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)}) is not a valid latitude and longitude");
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
            errors.Add("geo_precision", string.IsNullOrWhiteSpace(row.GeoPrecision) ? "is required (1, 2 or 3)" : $"'{Clip(row.GeoPrecision)}' must be 1, 2 or 3");
        }

        return country is null || place is null || point is null || precision is null
            ? null
            : new Location(country, Clean(row.Admin1), Clean(row.Admin2), admin3, place, point, precision.Value);
    }

    private static List<Actor> MapActors(AcledRow row, RowErrors errors)
    {
        if (Clean(row.Actor1) is null)
        {
            errors.Add("actor1", "is required");
        }

        // A loop rather than LINQ: this runs for every row of a million-row import, and each iterator is an allocation.
        var actors = new List<Actor>(2);
        AddActors(row.Actor1, actors);
        AddActors(row.AssocActor1, actors);
        AddActors(row.Actor2, actors);
        AddActors(row.AssocActor2, actors);
        return actors;
    }

    /// <summary>Each name of a field (several are separated by ';'), once per row.</summary>
    private static void AddActors(string? names, List<Actor> actors)
    {
        if (string.IsNullOrWhiteSpace(names))
        {
            return;
        }

        foreach (var name in names.Contains(';') ? names.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [names.Trim()])
        {
            var clipped = Clip(name, 300);
            if (!Named(actors, clipped))
            {
                actors.Add(new Actor(clipped, AcledActorNames.ShortFormOf(name)));
            }
        }
    }

    private static bool Named(List<Actor> actors, string name)
    {
        foreach (var actor in actors)
        {
            if (actor.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static List<Figure> MapFigures(AcledRow row, RowErrors errors)
    {
        var text = row.Fatalities?.Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fatalities))
        {
            errors.Add("fatalities", string.IsNullOrEmpty(text) ? "is required (0 when unknown)" : $"'{Clip(text)}' is not a whole number ≥ 0");
            return [];
        }

        // ACLED writes 0 for "unknown" as well as for none: only a number it reports is a figure.
        return fatalities > 0 ? [new Figure(FigureKind.Fatalities, fatalities, "ACLED")] : [];
    }

    private static double? Number(string? text, string field, RowErrors errors)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(field, string.IsNullOrWhiteSpace(text) ? "is required" : $"'{Clip(text)}' is not a number");
        return null;
    }

    private static string Title(string what, Location location, List<Actor> actors)
    {
        var who = actors.Count switch
        {
            0 => string.Empty,
            1 => actors[0].ShortName,
            _ => $"{actors[0].ShortName}, {actors[1].ShortName}",
        };
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

    /// <summary>What an ACLED event id is made of: ASCII letters and digits, '_' and '-'.</summary>
    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

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

    /// <summary>A row's errors, named by column and with its index and line; no list is made for a row without any.</summary>
    private sealed class RowErrors(int index, int line)
    {
        private List<ImportError>? _errors;

        public bool Any => _errors is not null;

        public IReadOnlyList<ImportError> All => _errors ?? [];

        public void Add(string field, string message) => (_errors ??= []).Add(new ImportError(index, line, field, message));
    }
}
