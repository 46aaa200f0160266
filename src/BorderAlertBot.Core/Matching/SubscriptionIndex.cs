using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Matching;

/// <summary>
/// Subscriptions filed in cells by what they ask for — kind or subtype (or any), region (or anywhere), minimum severity,
/// verified-only — so matching an event reads only the cells it fits: its subtype, its kind or any kind × anywhere, its
/// country, its border or the places near it × every severity floor at or below its own. Inside a place's cell the
/// entries are sorted by radius, widest first, so reading stops at the first radius the event lies outside. A
/// subscription found in a cell passes every filter but keywords and actors, which are checked on the spot: the cost
/// grows with the matches, not with the number of subscriptions. Immutable: rebuild it when subscriptions change.
/// </summary>
public sealed partial class SubscriptionIndex
{
    private readonly Subscription[] _subscriptions;
    private readonly Entry[]?[]?[] _groups;
    private readonly RegionKeys _regions;
    private readonly TextFilters _text;
    private readonly long _id = Interlocked.Increment(ref _lastId);

    private SubscriptionIndex(Subscription[] subscriptions, Entry[]?[]?[] groups, RegionKeys regions, TextFilters text)
    {
        _subscriptions = subscriptions;
        _groups = groups;
        _regions = regions;
        _text = text;
    }

    public int Count => _subscriptions.Length;

    /// <summary>Every subscription whose filters the event passes, paused ones included (holding is delivery's business).</summary>
    public IReadOnlyList<Subscription> Match(ConflictEvent conflictEvent) => Collect(conflictEvent, checkText: true);

    /// <summary>
    /// The subscriptions in the cells the event fits: they pass every filter but keywords and actors, so these are the
    /// only ones that can match it, and the only ones worth telling why they did not.
    /// </summary>
    public IReadOnlyList<Subscription> Candidates(ConflictEvent conflictEvent) => Collect(conflictEvent, checkText: false);

    private Subscription[] Collect(ConflictEvent conflictEvent, bool checkText)
    {
        var levels = Math.Clamp((int)conflictEvent.Severity.Effective, 0, SeverityLevels);
        if (conflictEvent.Status is EventStatus.Rejected or EventStatus.Merged || _subscriptions.Length == 0 || levels == 0)
        {
            return [];
        }

        var scratch = Scratch.For(this);
        var stamp = scratch.NextStamp();
        var found = scratch.Found;
        scratch.Text.Reset(_text.WordCount);
        var regionCount = _regions.Fit(conflictEvent, scratch.Regions);
        var verified = conflictEvent.Status is EventStatus.Verified or EventStatus.Retracted;
        Span<int> kindKeys = [AnyKind, KindKey(conflictEvent.Kind), SubtypeKey(conflictEvent.Kind, conflictEvent.Subtype)];
        foreach (var kindKey in kindKeys)
        {
            if (kindKey < 0)
            {
                continue; // A kind or subtype this build does not know: no subscription can name it.
            }

            for (var r = 0; r < regionCount; r++)
            {
                var (regionKey, distanceKm) = scratch.Regions[r];
                if (_groups[GroupOf(kindKey, regionKey)] is not { } cells)
                {
                    continue;
                }

                for (var level = 0; level < levels; level++)
                {
                    Read(cells[CellOf(level, verifiedOnly: false)], distanceKm, conflictEvent, checkText, scratch, stamp);
                    if (verified)
                    {
                        Read(cells[CellOf(level, verifiedOnly: true)], distanceKm, conflictEvent, checkText, scratch, stamp);
                    }
                }
            }
        }

        var result = found.ToArray();
        found.Clear(); // Holds no subscription past the call.
        return result;
    }

    private void Read(Entry[]? cell, double distanceKm, ConflictEvent conflictEvent, bool checkText, Scratch scratch, int stamp)
    {
        if (cell is null)
        {
            return;
        }

        var stamps = scratch.Stamps;
        foreach (var entry in cell)
        {
            if (entry.RadiusKm < distanceKm)
            {
                return; // Widest first: every entry after this one is narrower still.
            }

            if (entry.InSeveralCells)
            {
                if (stamps[entry.Index] == stamp)
                {
                    continue;
                }

                stamps[entry.Index] = stamp;
            }

            if (checkText && entry.Text >= 0 && !_text.Passes(entry.Text, conflictEvent, scratch.Text))
            {
                continue;
            }

            scratch.Found.Add(entry.Subscription);
        }
    }

    /// <summary>The group of cells for a kind key and a region key: one cell per severity floor and verified-only.</summary>
    private int GroupOf(int kindKey, int regionKey) => (kindKey * _regions.Count) + regionKey;

    private static int CellOf(int level, bool verifiedOnly) => (level * 2) + (verifiedOnly ? 1 : 0);

    /// <summary>
    /// A subscription filed in a cell, with what reading the cell needs to know of it, so a read walks memory in order;
    /// <see cref="RadiusKm"/> is infinite outside places' cells; <see cref="Text"/> is where its keywords and actors are
    /// in <see cref="TextFilters"/>, or -1 when it has none.
    /// </summary>
    private readonly record struct Entry(Subscription Subscription, double RadiusKm, int Index, int Text, bool InSeveralCells);

    /// <summary>
    /// Per thread, reused from event to event: the regions an event fits, a stamp per subscription so one reached twice
    /// counts once, the words searched for, and the subscriptions found.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        private long _owner;
        private int _stamp;

        public int[] Stamps { get; private set; } = [];

        public List<(int Key, double DistanceKm)> Regions { get; } = [];

        public TextFilters.Memo Text { get; } = new();

        public List<Subscription> Found { get; } = [];

        public static Scratch For(SubscriptionIndex index)
        {
            var scratch = _current ??= new Scratch();
            if (scratch._owner != index._id)
            {
                scratch._owner = index._id;
                scratch.Stamps = new int[index._subscriptions.Length];
                scratch._stamp = 0;
            }

            return scratch;
        }

        public int NextStamp()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(Stamps);
                _stamp = 1;
            }

            return _stamp;
        }
    }
}
