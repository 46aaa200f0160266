using BorderAlertBot.Domain;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Curation;

public sealed partial class EventCurator
{
    /// <summary>Corrects what <paramref name="correction"/> names, keeping the status, and recomputes the severity.</summary>
    public async Task<CurationOutcome> CorrectAsync(EventId id, EventCorrection correction, string curator, CancellationToken cancellationToken)
    {
        if (await store.TryGetAsync(id, cancellationToken) is not { } current)
        {
            return NotFound(id);
        }

        if (correction.IsEmpty)
        {
            return CurationOutcome.Refused("Nothing to correct: name at least one field.");
        }

        var next = current;
        if (correction.Title is { } title)
        {
            next = next with { Title = title.Trim() };
        }

        if (correction.Summary is { } summary)
        {
            next = next with { Summary = summary.Trim() };
        }

        if (correction.Subtype is { } subtype)
        {
            next = next with { Kind = subtype.Kind(), Subtype = subtype };
        }

        if (correction.Occurred is { } occurred)
        {
            next = next with { Occurred = occurred };
        }

        if (correction.Place is { } place)
        {
            if (gazetteer?.TryFind(place) is not { } entry)
            {
                var suggestions = gazetteer?.Suggest(place, 3) ?? [];
                return CurationOutcome.Refused($"'{place}' is not a place in the gazetteer{(suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : ".")}");
            }

            next = next with { Location = entry.ToLocation(entry.IsApproximate ? LocationPrecision.Near : LocationPrecision.Exact), Border = null };
        }

        if (correction.AddSource is { } source)
        {
            next = next with { Sources = [.. next.Sources.Where(existing => existing.Url != source.Url), source] };
        }

        var severityOverride = correction.ClearSeverityOverride ? null : correction.SeverityOverride ?? current.Severity.Override;
        next = next with { Severity = SeverityRules.Assess(new SeverityInput(next.Kind, next.Subtype, next.Figures), severityOverride) };
        next = enricher?.Enrich(next) ?? next;
        if (Serialization.EventDocument.Fingerprint(next) == Serialization.EventDocument.Fingerprint(current))
        {
            return CurationOutcome.Refused($"{id} already says that; nothing changed.");
        }

        return await WriteAsync([Revise(current, next, curator)], $"{id} corrected (revision {current.Revision.Number + 1}, by {curator}).", cancellationToken);
    }
}
