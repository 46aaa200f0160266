using System.Threading.Channels;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Crossings;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Digests;

/// <summary>
/// Composes many digests at once (ARCHITECTURE.md §8): the verified events from the earliest 4-week baseline to the latest
/// slot are read once, oldest first, and each is matched against the digests' subscriptions with the same index the
/// alert matcher uses (on up to <see cref="MaxThreads"/> threads, each with a share of the digests), so the cost grows
/// with the events and their matches, not with digests × events. Digests that cover trade get the crossings board at their
/// slot, from the trade disruptions the crossings command reads at the run's latest slot.
/// </summary>
public sealed class DigestComposer(IEventQueries queries, CrossingsBoard crossings)
{
    /// <summary>How many events "top events by severity" lists.</summary>
    public const int TopEvents = 5;

    /// <summary>How many events the ceasefire, trade and displacement sections list (the latest, or the largest figures).</summary>
    public const int Listed = 5;

    /// <summary>The baseline the weekly average reads, and the chart's span: the 4 weeks before the window.</summary>
    public static TimeSpan Baseline { get; } = TimeSpan.FromDays(28);

    /// <summary>How many UTC days the chart shows, ending with the slot's day.</summary>
    public const int ChartDays = 28;

    /// <summary>The most threads that match a run's events against its digests.</summary>
    private const int MaxThreads = 4;

    /// <summary>How many events wait for each matching thread.</summary>
    private const int QueueLength = 1_024;

    /// <summary>The longest window one digest covers, however long the bot was down.</summary>
    public static TimeSpan MaxWindow { get; } = TimeSpan.FromDays(28);

    public async Task<IReadOnlyList<DigestContent>> ComposeAsync(IReadOnlyList<DigestRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var accumulators = requests.Select(request => new DigestAccumulator(request)).ToList();
        var filter = new EventFilter
        {
            Statuses = [EventStatus.Verified],
            From = accumulators.Min(accumulator => accumulator.BaselineFrom),
            To = accumulators.Max(accumulator => accumulator.Request.To),
        };
        await MatchAsync(DigestPartition.Split(accumulators, Math.Clamp(Environment.ProcessorCount, 1, MaxThreads)), filter, cancellationToken);

        // An event listed by many digests gets one line.
        var lines = new Dictionary<EventId, EventLine>();
        EventLine LineOf(ConflictEvent conflictEvent)
        {
            if (!lines.TryGetValue(conflictEvent.Id, out var line))
            {
                lines[conflictEvent.Id] = line = EventLine.Of(conflictEvent);
            }

            return line;
        }

        var boards = await BoardsAsync(accumulators, cancellationToken);
        return [.. accumulators.Select(accumulator => accumulator.Build(boards(accumulator), LineOf))];
    }

    /// <summary>
    /// Reads the events once and hands each to every share of the digests, each share matched on a thread of its own;
    /// the queues between them are bounded, so a run holds only a few thousand events at a time.
    /// </summary>
    private async Task MatchAsync(IReadOnlyList<DigestPartition> partitions, EventFilter filter, CancellationToken cancellationToken)
    {
        var queues = partitions.Select(_ => Channel.CreateBounded<DigestEvent>(new BoundedChannelOptions(QueueLength) { SingleReader = true, SingleWriter = true })).ToArray();
        var matchers = partitions.Select((partition, i) => Task.Run(async () =>
        {
            try
            {
                await foreach (var digestEvent in queues[i].Reader.ReadAllAsync(cancellationToken))
                {
                    partition.Add(digestEvent);
                }
            }
            catch (Exception exception)
            {
                queues[i].Writer.TryComplete(exception); // The reader stops feeding the others too.
                throw;
            }
        }, cancellationToken)).ToArray();

        try
        {
            await foreach (var conflictEvent in queries.StreamAsync(filter, cancellationToken))
            {
                var digestEvent = new DigestEvent(conflictEvent);
                foreach (var queue in queues)
                {
                    await queue.Writer.WriteAsync(digestEvent, cancellationToken);
                }
            }
        }
        catch (ChannelClosedException)
        {
            // A matcher failed: its exception comes out of WhenAll below.
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Writer.TryComplete();
            }
        }

        await Task.WhenAll(matchers);
    }

    /// <summary>
    /// The digest <paramref name="subscription"/> got (or would have got) at its latest slot at or before
    /// <paramref name="at"/>, covering the window from the slot before; daily at 00:00 UTC when it has no digest set.
    /// </summary>
    public async Task<DigestContent> PreviewAsync(Subscription subscription, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var schedule = subscription.Digest ?? new DigestSchedule(TimeOnly.MinValue, "UTC", DateTimeOffset.MinValue);
        var slot = schedule.LatestAtOrBefore(at);
        var request = new DigestRequest(subscription with { Digest = schedule }, slot, schedule.Before(slot).At, IsLate: false);
        return (await ComposeAsync([request], cancellationToken))[0];
    }

    /// <summary>Whether a digest shows the crossings board: its subscription covers trade disruptions.</summary>
    public static bool ShowsCrossings(SubscriptionFilter filter) =>
        DigestAccumulator.KindsOf(filter).Contains(EventKind.TradeDisruption)
        && (filter.Subtypes.Count == 0 || filter.Subtypes.Any(subtype => subtype.Kind() == EventKind.TradeDisruption));

    private async Task<Func<DigestAccumulator, IReadOnlyList<CrossingLine>>> BoardsAsync(List<DigestAccumulator> accumulators, CancellationToken cancellationToken)
    {
        var showing = accumulators.Where(accumulator => ShowsCrossings(accumulator.Request.Subscription.Filter)).ToList();
        if (showing.Count == 0)
        {
            return _ => [];
        }

        // The trade disruptions the crossings command reads at the run's latest slot; each board takes those up to its own.
        var latestSlot = showing.Max(accumulator => accumulator.Request.To);
        var earliestSlot = showing.Min(accumulator => accumulator.Request.To);
        var trade = await queries.LatestAsync(CrossingsBoard.TradeDisruptions(earliestSlot - CrossingsBoard.LookBack, latestSlot), CrossingsBoard.MaxEvents, cancellationToken);
        var history = crossings.HistoryOf(trade);
        var boards = new Dictionary<DateTimeOffset, IReadOnlyList<(CrossingSite Site, CrossingLine Line)>>();
        return accumulator =>
        {
            if (!ShowsCrossings(accumulator.Request.Subscription.Filter))
            {
                return [];
            }

            // A board is as of its moment, inclusive; the window ends just before its slot. Digests of one slot share it.
            var asOf = accumulator.Request.To.AddTicks(-1);
            if (!boards.TryGetValue(asOf, out var board))
            {
                boards[asOf] = board = history.BoardAt(asOf);
            }

            var regions = accumulator.Request.Subscription.Filter.Regions;
            return [.. board.Where(row => row.Site.IsInAny(regions)).Select(row => row.Line)];
        };
    }
}
