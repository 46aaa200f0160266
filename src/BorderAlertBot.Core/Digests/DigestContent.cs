using System.Globalization;
using BorderAlertBot.Answers;
using BorderAlertBot.Crossings;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>
/// A digest as composed at its slot (ARCHITECTURE.md §8), kept in the outbox until it is sent: small, self-contained facts,
/// so a retry sends the same digest and the message shows the window as it stood at the slot.
/// <see cref="DigestRenderer"/> turns it into an <see cref="Answer"/> with its chart.
/// </summary>
/// <param name="Scope">The subscription's filters in words.</param>
/// <param name="From">The window's start: the slot before (or the last digest sent, after downtime).</param>
/// <param name="To">The slot: the window's end, exclusive.</param>
/// <param name="Trends">One per kind the subscription covers.</param>
/// <param name="Crossings">The crossings board at the slot, for subscriptions that cover trade; empty otherwise.</param>
/// <param name="PerDay">Events per UTC day and kind from <paramref name="ChartFrom"/> to <paramref name="ChartTo"/>, for the chart.</param>
/// <param name="EventCount">Events in the window; zero makes the digest quiet.</param>
public sealed record DigestContent(
    SubscriptionId SubscriptionId,
    string Scope,
    DateOnly LocalDate,
    string TimeZoneId,
    DateTimeOffset From,
    DateTimeOffset To,
    bool IsLate,
    IReadOnlyList<KindTrend> Trends,
    IReadOnlyList<EventLine> TopEvents,
    IReadOnlyList<EventLine> Ceasefire,
    int CeasefireCount,
    IReadOnlyList<EventLine> Trade,
    int TradeCount,
    IReadOnlyList<CrossingLine> Crossings,
    IReadOnlyList<DisplacementLine> Displacement,
    IReadOnlyList<DailyCount> PerDay,
    DateOnly ChartFrom,
    DateOnly ChartTo,
    int EventCount)
{
    public bool IsQuiet => EventCount == 0;

    /// <summary>Equal for digests whose charts are the same picture (the same days and counts).</summary>
    public string ChartKey => string.Create(CultureInfo.InvariantCulture,
        $"{ChartFrom.DayNumber}-{ChartTo.DayNumber}:{string.Join(',', PerDay.Select(count => $"{count.Day.DayNumber}.{(int)count.Kind}.{count.Count}"))}");
}
