using BorderAlertBot.Answers;
using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>
/// Gathers one digest from the events its subscription matches, fed oldest first: counts for the window, the window before
/// and the 4 weeks before; per-day counts for the chart; and the few events each section lists. Holds only what it keeps.
/// Boundaries are kept as UTC ticks and days as day numbers, because a run calls <see cref="Add"/> millions of times.
/// </summary>
internal sealed class DigestAccumulator
{
    private static readonly EventKind[] AllKinds = Enum.GetValues<EventKind>();

    // Every count in one array, so an Add touches one or two cache lines: the window's per kind, the window before's, the
    // four weeks', then the chart's per day and kind.
    private static readonly int Previous = AllKinds.Length;
    private static readonly int FourWeeks = 2 * AllKinds.Length;
    private static readonly int PerDayStart = 3 * AllKinds.Length;

    private readonly int[] _counts = new int[PerDayStart + (DigestComposer.ChartDays * AllKinds.Length)];
    private readonly List<ConflictEvent> _top = [];
    private readonly Queue<ConflictEvent> _ceasefire = new();
    private readonly Queue<ConflictEvent> _trade = new();
    private readonly List<(ConflictEvent Event, long Lowest)> _displacement = [];
    private readonly long _from;
    private readonly long _to;
    private readonly long _previousFrom;
    private readonly long _fourWeeksFrom;
    private readonly int _chartFromDay;
    private int _ceasefireCount;
    private int _tradeCount;
    private int _eventCount;

    public DigestAccumulator(DigestRequest request)
    {
        Request = request;
        ChartFrom = DateOnly.FromDateTime(request.To.UtcDateTime).AddDays(1 - DigestComposer.ChartDays);
        var chartFromInstant = new DateTimeOffset(ChartFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var fourWeeksFrom = request.From - DigestComposer.Baseline;
        BaselineFrom = fourWeeksFrom < chartFromInstant ? fourWeeksFrom : chartFromInstant;
        _from = request.From.UtcTicks;
        _to = request.To.UtcTicks;
        _previousFrom = (request.From - (request.To - request.From)).UtcTicks;
        _fourWeeksFrom = fourWeeksFrom.UtcTicks;
        _chartFromDay = ChartFrom.DayNumber;
    }

    public DigestRequest Request { get; }

    /// <summary>The earliest moment any count reads: the start of the 4 weeks before the window, or of the chart.</summary>
    public DateTimeOffset BaselineFrom { get; }

    /// <summary>The chart's first UTC day: it shows <see cref="DigestComposer.ChartDays"/> days, ending with the slot's.</summary>
    private DateOnly ChartFrom { get; }

    public void Add(in DigestEvent digestEvent)
    {
        var at = digestEvent.At;
        if (at >= _to)
        {
            return;
        }

        var kind = digestEvent.Kind;
        var counts = _counts;
        var chartDay = digestEvent.Day - _chartFromDay;
        if (chartDay >= 0)
        {
            counts[PerDayStart + (chartDay * AllKinds.Length) + kind]++;
        }

        if (at < _from)
        {
            if (at >= _fourWeeksFrom)
            {
                counts[FourWeeks + kind]++;
                if (at >= _previousFrom)
                {
                    counts[Previous + kind]++;
                }
            }

            return;
        }

        counts[kind]++;
        _eventCount++;
        var conflictEvent = digestEvent.Event;
        KeepTop(conflictEvent);
        switch (conflictEvent.Kind)
        {
            case EventKind.CeasefireCall:
                _ceasefireCount++;
                KeepLatest(_ceasefire, conflictEvent);
                break;
            case EventKind.TradeDisruption:
                _tradeCount++;
                KeepLatest(_trade, conflictEvent);
                break;
        }

        if (digestEvent.LowestDisplaced >= 0)
        {
            KeepLargest(conflictEvent, digestEvent.LowestDisplaced);
        }
    }

    /// <param name="lineOf">The line for an event, shared by every digest of the run that lists it.</param>
    public DigestContent Build(IReadOnlyList<CrossingLine> crossings, Func<ConflictEvent, EventLine> lineOf)
    {
        var subscription = Request.Subscription;
        var windowDays = (Request.To - Request.From).TotalDays;
        var trends = KindsOf(subscription.Filter)
            .Select(kind => new KindTrend(kind, _counts[(int)kind], _counts[Previous + (int)kind], _counts[FourWeeks + (int)kind], windowDays))
            .ToList();
        return new DigestContent(
            subscription.Id,
            SubscriptionDescription.Filters(subscription.Filter),
            Request.Slot.LocalDate,
            subscription.Digest?.TimeZoneId ?? "UTC",
            Request.From,
            Request.To,
            Request.IsLate,
            trends,
            [.. _top.Select(lineOf)],
            [.. _ceasefire.Reverse().Select(lineOf)],
            _ceasefireCount,
            [.. _trade.Reverse().Select(lineOf)],
            _tradeCount,
            crossings,
            [.. _displacement.Select(kept => new DisplacementLine(lineOf(kept.Event), [.. kept.Event.Figures.Where(figure => figure.Kind == FigureKind.Displaced)]))],
            PerDay(),
            ChartFrom,
            DateOnly.FromDateTime(Request.To.UtcDateTime),
            _eventCount);
    }

    /// <summary>The kinds a filter covers: its kinds, the kinds of its subtypes, or all.</summary>
    public static IReadOnlyList<EventKind> KindsOf(SubscriptionFilter filter)
    {
        var kinds = filter.Kinds.Concat(filter.Subtypes.Select(subtype => subtype.Kind())).Distinct().Order().ToList();
        return kinds.Count > 0 ? kinds : AllKinds;
    }

    private List<DailyCount> PerDay()
    {
        var counts = new List<DailyCount>();
        for (var i = PerDayStart; i < _counts.Length; i++)
        {
            if (_counts[i] > 0)
            {
                var cell = i - PerDayStart;
                counts.Add(new DailyCount(ChartFrom.AddDays(cell / AllKinds.Length), AllKinds[cell % AllKinds.Length], _counts[i]));
            }
        }

        return counts;
    }

    // Most severe first, then latest: events come oldest first, so a later one of equal severity goes before.
    private void KeepTop(ConflictEvent conflictEvent)
    {
        var severity = conflictEvent.Severity.Effective;
        var at = _top.FindIndex(kept => kept.Severity.Effective <= severity);
        if (at < 0)
        {
            if (_top.Count < DigestComposer.TopEvents)
            {
                _top.Add(conflictEvent);
            }

            return;
        }

        _top.Insert(at, conflictEvent);
        if (_top.Count > DigestComposer.TopEvents)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }

    // Largest conservative figure first; an equal one later in the stream goes after.
    private void KeepLargest(ConflictEvent conflictEvent, long lowest)
    {
        var at = _displacement.FindIndex(kept => kept.Lowest < lowest);
        if (at < 0)
        {
            if (_displacement.Count < DigestComposer.Listed)
            {
                _displacement.Add((conflictEvent, lowest));
            }

            return;
        }

        _displacement.Insert(at, (conflictEvent, lowest));
        if (_displacement.Count > DigestComposer.Listed)
        {
            _displacement.RemoveAt(_displacement.Count - 1);
        }
    }

    private static void KeepLatest(Queue<ConflictEvent> kept, ConflictEvent conflictEvent)
    {
        kept.Enqueue(conflictEvent);
        if (kept.Count > DigestComposer.Listed)
        {
            kept.Dequeue();
        }
    }
}
