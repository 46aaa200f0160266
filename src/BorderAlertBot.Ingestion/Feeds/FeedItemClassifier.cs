using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Text;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// Decides whether a feed item is a candidate event: it must name a place in scope (a gazetteer place, or the border
/// itself) and a kind (<see cref="FeedKeywords"/>); the title is read before the description for both, since a headline
/// says best what a story is about. A place found puts the event at the gazetteer's coordinates at precision Near (the
/// article names the town, not a spot in it); a border mention alone gives the border pair without a location.
/// </summary>
public sealed class FeedItemClassifier(Gazetteer gazetteer)
{
    /// <summary>Only the start of a long description is read: a story's place and kind are in its first paragraphs.</summary>
    private const int MaxTextLength = 4000;

    private readonly FeedPlaces _places = new(gazetteer);

    /// <summary>The candidate an item makes, or null with the reason it does not.</summary>
    internal (FeedClassification? Candidate, string? Skipped) Classify(string title, string description)
    {
        var text = description.Length > MaxTextLength ? description[..MaxTextLength] : description;
        var subtype = FeedKeywords.Match(title) ?? FeedKeywords.Match(text);
        var place = _places.FirstPlace(title) ?? _places.FirstPlace(text);
        var namesBorder = place is null && (FeedPlaces.NamesTheBorder(title) || FeedPlaces.NamesTheBorder(text));
        if (place is null && !namesBorder)
        {
            return (null, "names no place in scope");
        }

        if (subtype is not { } found)
        {
            return (null, "names no kind of event");
        }

        var location = place?.ToLocation(LocationPrecision.Near);
        var border = place is null ? new BorderPosition(FeedPlaces.ChinaMyanmar, null) : null;
        return (new FeedClassification(found, location, border, KnownActors.In($"{title}\n{text}")), null);
    }
}
