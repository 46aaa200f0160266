using BorderAlertBot.Answers;
using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>
/// Gathers one digest from the events its subscription matches, fed oldest first: counts for the window, the window before
/// and the 4 weeks before; per-day counts for the chart; and the few events each section lists. Holds only what it keeps.
/// </summary>
internal sealed class DigestAccumulator
{
    private static readonly EventKind[] AllKinds = Enum.GetValues<EventKind>();

    private readonly int[] _current = new int[AllKinds.Length];
    private readonly int[] _previous = new int[AllKinds.Length];
    private readonly int[] _fourWeeks = new int[AllKinds.Length];
    private readonly Dictionary<(DateOnly Day, EventKind Kind), int> _perDay = [];
    private readonly List<ConflictEvent> _top = [];
    private readonly Queue<ConflictEvent> _ceasefire = new();
    private readonly Queue<ConflictEvent> _trade = new();
    private readonly List<(ConflictEvent Event, long Lowest)> _displacement = [];
    private int _ceasefireCount;
    private int _tradeCount;
    private int _eventCount;

    public DigestAccumulator(DigestRequest request)
    {
        Request = request;
        var length = request.To - request.From;
        PreviousFrom = request.From - length;
        ChartFrom = DateOnly.FromDateTime(request.To.UtcDateTime).AddDays(1 - DigestComposer.ChartDays);
        ChartFromInstant = new DateTimeOffset(ChartFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var baseline = request.From - DigestComposer.Baseline;
        BaselineFrom = baseline < ChartFromInstant ? baseline : ChartFromInstant;
        FourWeeksFrom = baseline;
    }

    public DigestRequest Request { get; }

    /// <summary>The earliest moment any count reads: the start of the 4 weeks before the window, or of the chart.</summary>
    public DateTimeOffset BaselineFrom { get; }

    private DateTimeOffset FourWeeksFrom { get; }

    /// <summary>The chart's first UTC day: it shows <see cref="DigestComposer.ChartDays"/> days, ending with the slot's.</summary>
    private DateOnly ChartFrom { get; }

    private DateTimeOffset PreviousFrom { get; }

    private DateTimeOffset ChartFromInstant { get; }

    public void Add(ConflictEvent conflictEvent)
    {
        var at = conflictEvent.Occurred.At;
        if (at < BaselineFrom || at >= Request.To)
        {
            return;
        }

        var kind = (int)conflictEvent.Kind;
        if (at >= ChartFromInstant)
        {
            var key = (DateOnly.FromDateTime(at.UtcDateTime), conflictEvent.Kind);
            _perDay[key] = _perDay.GetValueOrDefault(key) + 1;
        }

        if (at < Request.From)
        {
            if (at < FourWeeksFrom)
            {
                return;
            }

            _fourWeeks[kind]++;
            if (at >= PreviousFrom)
            {
                _previous[kind]++;
            }

            return;
        }

        _current[kind]++;
        _eventCount++;
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

        var displaced = conflictEvent.Figures.Where(figure => figure.Kind == FigureKind.Displaced).Select(figure => figure.Value).DefaultIfEmpty(-1).Min();
        if (displaced >= 0)
        {
            _displacement.Add((conflictEvent, displaced));
            _displacement.Sort((a, b) => b.Lowest.CompareTo(a.Lowest));
            if (_displacement.Count > DigestComposer.Listed)
            {
                _displacement.RemoveAt(_displacement.Count - 1);
            }
        }
    }

    public DigestContent Build(IReadOnlyList<CrossingLine> crossings)
    {
        var subscription = Request.Subscription;
        var windowDays = (Request.To - Request.From).TotalDays;
        var trends = KindsOf(subscription.Filter)
            .Select(kind => new KindTrend(kind, _current[(int)kind], _previous[(int)kind], _fourWeeks[(int)kind], windowDays))
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
            [.. _top.Select(EventLine.Of)],
            [.. _ceasefire.Reverse().Select(EventLine.Of)],
            _ceasefireCount,
            [.. _trade.Reverse().Select(EventLine.Of)],
            _tradeCount,
            crossings,
            [.. _displacement.Select(kept => new DisplacementLine(EventLine.Of(kept.Event), [.. kept.Event.Figures.Where(figure => figure.Kind == FigureKind.Displaced)]))],
            [.. _perDay.OrderBy(pair => pair.Key.Day).ThenBy(pair => pair.Key.Kind).Select(pair => new DailyCount(pair.Key.Day, pair.Key.Kind, pair.Value))],
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

    private static void KeepLatest(Queue<ConflictEvent> kept, ConflictEvent conflictEvent)
    {
        kept.Enqueue(conflictEvent);
        if (kept.Count > DigestComposer.Listed)
        {
            kept.Dequeue();
        }
    }
}
