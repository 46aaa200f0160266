using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Curation;

/// <summary>
/// Finds the stored event a new report is another account of (ARCHITECTURE.md §9): the same kind, within
/// <see cref="CurationOptions.MergeDistanceKm"/> and <see cref="CurationOptions.MergeWindow"/>, with at least one actor in
/// common. Places are compared by their points when both have precise ones, else by name. A verified event is preferred,
/// then the nearest, then the closest in time.
/// </summary>
public sealed class EventMerger(IEventQueries queries, IOptions<CurationOptions> options)
{
    private const int CandidatesRead = 200;
    private static readonly IReadOnlyList<EventStatus> Open = [EventStatus.Verified, EventStatus.Pending];

    public async Task<ConflictEvent?> FindTargetAsync(ConflictEvent report, CancellationToken cancellationToken)
    {
        if (report.Actors.Count == 0 || report.Location is null)
        {
            return null;
        }

        var window = options.Value.MergeWindow;
        var nearby = await queries.LatestAsync(
            new EventFilter { Kinds = [report.Kind], Statuses = Open, From = report.Occurred.At - window, To = report.Occurred.At + window + TimeSpan.FromTicks(1) },
            CandidatesRead,
            cancellationToken);
        return nearby
            .Where(candidate => candidate.Id != report.Id && IsSameHappening(candidate, report))
            .OrderByDescending(candidate => candidate.Status == EventStatus.Verified)
            .ThenBy(candidate => DistanceKm(candidate, report) ?? 0)
            .ThenBy(candidate => (candidate.Occurred.At - report.Occurred.At).Duration())
            .FirstOrDefault();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> can be accounts of one happening.</summary>
    public bool IsSameHappening(ConflictEvent a, ConflictEvent b) =>
        a.Kind == b.Kind
        && (a.Occurred.At - b.Occurred.At).Duration() <= options.Value.MergeWindow
        && IsSamePlace(a, b)
        && ShareAnActor(a, b);

    private bool IsSamePlace(ConflictEvent a, ConflictEvent b) =>
        DistanceKm(a, b) is { } km
            ? km <= options.Value.MergeDistanceKm
            : a.Location is { } x && b.Location is { } y
              && NamesOf(x).Intersect(NamesOf(y), StringComparer.OrdinalIgnoreCase).Any();

    private static double? DistanceKm(ConflictEvent a, ConflictEvent b) =>
        a.Location is { HasPreciseCoordinates: true, Point: { } p } && b.Location is { HasPreciseCoordinates: true, Point: { } q }
            ? Geodesy.DistanceKm(p, q)
            : null;

    /// <summary>The place and the finest admin area: a town or township name, never a state or a country.</summary>
    private static IEnumerable<string> NamesOf(Location location) =>
        new[] { location.Place, location.Admin3 }.Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name!.Trim());

    private static bool ShareAnActor(ConflictEvent a, ConflictEvent b) =>
        a.Actors.Any(x => b.Actors.Any(y => string.Equals(x.ShortName, y.ShortName, StringComparison.OrdinalIgnoreCase)));
}
