using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Crossings;

/// <summary>
/// The board of border-trade crossings (ARCHITECTURE.md §7 <c>crossings [region]</c>, and the digest's board in §8): each
/// gazetteer crossing with its status as of a moment, since when, and the last trade disruption there. Platform-neutral;
/// the command and digest renderers format it.
/// </summary>
/// <remarks>
/// Only verified trade disruptions count (pending, rejected and retracted ones never do), read in one bounded query: the
/// <see cref="MaxEvents"/> latest that occurred in the <see cref="LookBack"/> up to and including the moment. A crossing
/// whose last status-setting event is older than that shows <see cref="CrossingStatus.Unknown"/>: the board states only
/// what is on record, and a year-old closure is no longer news the bot can vouch for. An event is at a crossing as
/// <see cref="Region.Place"/> with <see cref="AtCrossingKm"/> decides: a precise point within that distance, otherwise a
/// place or township named as one of the crossing's names.
/// </remarks>
public sealed class CrossingsBoard
{
    /// <summary>How close a precisely located event must be to count as at the crossing (the "at the border" band).</summary>
    public const double AtCrossingKm = 10;

    /// <summary>The most trade disruptions read for one board.</summary>
    public const int MaxEvents = 500;

    private readonly IEventQueries _queries;
    private readonly IReadOnlyList<CrossingSite> _sites;

    /// <param name="locator">Gives each crossing its border from its own point, as it does for events.</param>
    public CrossingsBoard(IEventQueries queries, Gazetteer gazetteer, BorderLocator locator)
    {
        _queries = queries;
        _sites = gazetteer.Entries
            .Where(entry => entry.IsCrossing)
            .Select(entry => new CrossingSite(entry, locator.Locate(entry.ToLocation(LocationPrecision.Exact))?.Pair, new Region.Place(entry, AtCrossingKm)))
            .ToList();
    }

    /// <summary>How far back before the moment the board looks for trade disruptions.</summary>
    public static TimeSpan LookBack { get; } = TimeSpan.FromDays(365);

    /// <summary>
    /// The crossings in <paramref name="region"/> (all when null) as of <paramref name="asOf"/>: closed first, then
    /// restricted, open and unknown, by name within each.
    /// </summary>
    public async Task<IReadOnlyList<CrossingState>> GetAsync(Region? region, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        IReadOnlyList<Region> regions = region is null ? [] : [region];
        if (!_sites.Any(site => site.IsInAny(regions)))
        {
            return [];
        }

        var latest = await _queries.LatestAsync(TradeDisruptions(asOf - LookBack, asOf), MaxEvents, cancellationToken);
        return HistoryOf(latest).BoardAt(regions, asOf);
    }

    /// <summary>The query for the verified trade disruptions that occurred in [from, to], which boards up to <paramref name="to"/> read.</summary>
    public static EventFilter TradeDisruptions(DateTimeOffset from, DateTimeOffset to) => new()
    {
        Kinds = [EventKind.TradeDisruption],
        Statuses = [EventStatus.Verified],
        From = from,
        To = to.AddTicks(1),
    };

    /// <summary>The history of every crossing from these trade disruptions, for boards at many moments.</summary>
    public CrossingHistory HistoryOf(IEnumerable<ConflictEvent> tradeDisruptions) => new(_sites, tradeDisruptions);
}
