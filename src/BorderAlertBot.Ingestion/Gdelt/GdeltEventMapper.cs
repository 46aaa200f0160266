using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Http;
using BorderAlertBot.Ingestion.Text;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// Turns the rows GDELT coded for one happening into a pending candidate: kind and subtype from the CAMEO code, the day
/// from SQLDATE, the place with the precision GDELT's geography type allows, actors with short names, every row's
/// article as a source, and GDELT's own corroboration counts in the summary.
/// </summary>
internal static class GdeltEventMapper
{
    /// <param name="rows">The rows, the one standing for the group first.</param>
    public static ConflictEvent Map(IReadOnlyList<GdeltRow> rows, CameoCategory category)
    {
        var lead = rows[0];
        var country = FipsCountries.TryFind(lead.ActionGeo.CountryCode);
        var location = GdeltLocations.Of(lead.ActionGeo, country);
        var actors = new[] { GdeltActors.Of(lead.Actor1), GdeltActors.Of(lead.Actor2) }
            .OfType<Actor>()
            .DistinctBy(actor => actor.ShortName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var where = lead.ActionGeo.FullName.Length > 0 ? lead.ActionGeo.FullName : country?.Name ?? "unknown place";
        var who = actors.Count == 0 ? string.Empty : ": " + string.Join(" → ", actors.Select(actor => actor.Name));
        var title = PlainText.Clamp(PlainText.Collapse($"{category.Label}{who} — {where}"), ConflictEvent.MaxTitleLength);
        var sources = rows
            .Select(row => new Source(Source.OutletOf(row.SourceUrl), row.SourceUrl, row.DateAdded))
            .DistinctBy(source => source.Url.AbsoluteUri, StringComparer.Ordinal)
            .ToList();
        var subtype = category.Subtype;
        return new ConflictEvent(
            EventId.Parse(string.Create(CultureInfo.InvariantCulture, $"evt_gdelt_{lead.GlobalEventId}")),
            [.. rows.Select(row => row.GlobalEventId).Order().Select(id => string.Create(CultureInfo.InvariantCulture, $"gdelt:{id}"))],
            subtype.Kind(),
            subtype,
            title,
            PlainText.Clamp(PlainText.Collapse(Summary(rows, category, where)), ConflictEvent.MaxSummaryLength),
            new Occurrence(new DateTimeOffset(lead.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), TimePrecision.Day),
            location,
            null,
            actors,
            [],
            sources,
            EventStatus.Pending,
            null,
            SeverityRules.Assess(new SeverityInput(subtype.Kind(), subtype, []), null),
            RevisionInfo.Unsaved);
    }

    /// <summary>
    /// What GDELT says and how sure it is: the code, the place and its precision, and the counts GDELT gives for the
    /// row's first 15 minutes ("GDELT: 4 sources, 12 articles in its first 15 minutes"), which are corroboration of a
    /// kind our own "N reports · M sources" (counted from the links) cannot show.
    /// </summary>
    private static string Summary(IReadOnlyList<GdeltRow> rows, CameoCategory category, string where)
    {
        var lead = rows[0];
        var precision = lead.ActionGeo.Type switch
        {
            4 or 3 => "a city or landmark",
            5 or 2 => "the state or region only, not a place",
            _ => "the country only, not a place",
        };
        var coded = rows.Count == 1 ? string.Empty : $" It coded the same happening {rows.Count} times in this file.";
        return string.Create(CultureInfo.InvariantCulture,
            $"Machine-coded by GDELT from news, not yet checked: {category.Label} (CAMEO {lead.EventCode}) at {where} ({precision}). "
            + $"GDELT: {lead.NumSources} {Plural(lead.NumSources, "source")}, {lead.NumArticles} {Plural(lead.NumArticles, "article")} in its first 15 minutes "
            + $"(Goldstein {lead.Goldstein:0.#}, tone {lead.AvgTone:0.#}).{coded}");
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
