using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Digests;

/// <summary>
/// A composed digest as a platform-neutral <see cref="Answer"/>: the window in the channel's local time, counts by kind
/// against the window before and the 4-week average (with a surge flag), the top events, ceasefire developments, trade
/// disruptions and the crossings board, displacement figures, and the chart of events per day by kind.
/// </summary>
public sealed class DigestRenderer(IChartRenderer charts)
{
    public Answer Render(DigestContent digest)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Daily digest · {digest.LocalDate:ddd d MMM yyyy}{(digest.IsLate ? " · late" : string.Empty)}");
        var window = Window(digest);
        if (digest.IsQuiet)
        {
            return new Answer(title, [new AnswerBlock.Paragraph($"Quiet: no verified events {window} for this channel's subscription ({digest.Scope}).")]);
        }

        var events = digest.EventCount == 1 ? "1 event" : string.Create(CultureInfo.InvariantCulture, $"{digest.EventCount:N0} events");
        var opening = $"{Capitalized(events)} {window} for {digest.Scope}.";
        if (digest.IsLate)
        {
            opening += " Sent late: the bot was not running when this digest was due, so it covers everything since the digest before.";
        }

        var blocks = new List<AnswerBlock>
        {
            new AnswerBlock.Paragraph(opening),
            new AnswerBlock.Facts([.. digest.Trends.Select(trend => new Fact(AlertTextRenderer.Plural(trend.Kind), Describe(trend, digest)))], "By kind"),
            new AnswerBlock.EventList("Top events by severity", digest.TopEvents),
        };

        // The sections list what the top events did not already show.
        var shown = digest.TopEvents.Select(line => line.Id).ToHashSet();
        AddSection(blocks, "Ceasefire developments", digest.Ceasefire, digest.CeasefireCount, shown);
        AddSection(blocks, "Trade disruptions", digest.Trade, digest.TradeCount, shown);
        var known = digest.Crossings.Where(crossing => crossing.Status != CrossingStatus.Unknown).ToList();
        if (digest.Crossings.Count > 0)
        {
            var facts = known.Select(crossing => new Fact(crossing.Name, crossing.Describe())).ToList();
            var unknown = digest.Crossings.Where(crossing => crossing.Status == CrossingStatus.Unknown).Select(crossing => crossing.Name).ToList();
            if (unknown.Count > 0)
            {
                facts.Add(new Fact("No trade disruption on record", string.Join(", ", unknown)));
            }

            blocks.Add(new AnswerBlock.Facts(facts, "Crossings"));
        }

        if (digest.Displacement.Count > 0)
        {
            blocks.Add(new AnswerBlock.Facts(
                [.. digest.Displacement.Select(line => new Fact($"{line.Event.Title} ({line.Event.Id})", line.Describe()))], "Displacement"));
        }

        var chartTitle = string.Create(CultureInfo.InvariantCulture, $"Events per day, 4 weeks to {digest.ChartTo:d MMM yyyy}");
        return new Answer(title, blocks, charts.RenderEventsPerDay(digest.PerDay, digest.ChartFrom, digest.ChartTo, chartTitle));
    }

    /// <summary>"5 · the day before 2 (+150 %) · 4-week average 1.2 a day (+317 %) · SURGE".</summary>
    public static string Describe(KindTrend trend, DigestContent digest)
    {
        var before = trend.ChangeVsPrevious is { } change
            ? string.Create(CultureInfo.InvariantCulture, $"{trend.Previous} {PeriodBefore(digest)} ({Percent(change)})")
            : $"none {PeriodBefore(digest)}";
        var average = trend.ChangeVsAverage is { } vsAverage
            ? string.Create(CultureInfo.InvariantCulture, $"4-week average {trend.WeeklyAverage:0.##} a week ({Percent(vsAverage)})")
            : "none in the 4 weeks before";
        return string.Create(CultureInfo.InvariantCulture, $"{trend.Current} · {before} · {average}{(trend.IsSurge ? " · SURGE" : string.Empty)}");
    }

    private static string Window(DigestContent digest)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(digest.TimeZoneId);
        var from = TimeZoneInfo.ConvertTime(digest.From, zone);
        var to = TimeZoneInfo.ConvertTime(digest.To, zone);
        return string.Create(CultureInfo.InvariantCulture, $"from {from:ddd d MMM HH:mm} to {to:ddd d MMM HH:mm} ({digest.TimeZoneId})");
    }

    private static string PeriodBefore(DigestContent digest)
    {
        var days = (digest.To - digest.From).TotalDays;
        return Math.Abs(days - 1) < 0.05 ? "the day before" : string.Create(CultureInfo.InvariantCulture, $"the {days:0.#} days before");
    }

    private static void AddSection(List<AnswerBlock> blocks, string name, IReadOnlyList<EventLine> latest, int total, HashSet<Domain.EventId> shown)
    {
        var rest = latest.Where(line => !shown.Contains(line.Id)).ToList();
        if (rest.Count == 0)
        {
            return;
        }

        var heading = total > latest.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{name} ({total} in all; the latest not above)")
            : rest.Count < total ? $"{name} (more above)" : name;
        blocks.Add(new AnswerBlock.EventList(heading, rest));
    }

    private static string Percent(double change) => string.Create(CultureInfo.InvariantCulture, $"{change * 100:+#,0;-#,0;±0} %");

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
