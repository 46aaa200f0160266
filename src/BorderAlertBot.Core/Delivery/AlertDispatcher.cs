using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Curation;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Matching;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Delivery;

/// <summary>
/// Claims due outbox batches and sends them: one grouped message per subscription (split to the platform's size), edits
/// and thread replies for updates and retractions, then the subscription's due digests. It owns retries with backoff and jitter (honouring a platform's
/// retry-after), dead-letters after a bounded number of attempts, and pauses a subscription on a permanent failure.
/// Batches for different subscriptions run concurrently, so one slow or failing target never delays the others.
/// At shutdown (<see cref="StopAsync"/>) it claims nothing more and lets each send in flight finish the message it is
/// sending; the rest of its batch is handed back at once under the same group id, so a restart neither waits for a lease
/// nor sends anything twice. Only a send still running when the grace period ends is cut off (and handed back too).
/// </summary>
public sealed partial class AlertDispatcher(
    IOutboxStore outbox,
    IEventStore events,
    ISubscriptionStore subscriptions,
    IDeliveryLog log,
    AlertWatcher watcher,
    IEnumerable<IAlertSender> senders,
    IOptions<DeliveryOptions> options,
    OutboxSignal signal,
    DigestRenderer digests,
    BorderAlertBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<AlertDispatcher> logger) : IDisposable
{
    private readonly Dictionary<TargetKind, IAlertSender> _senders = senders.ToDictionary(sender => sender.Kind);
    private readonly Lock _inFlightGate = new();
    private readonly Dictionary<SubscriptionId, (string GroupId, Task Sending)> _inFlight = [];
    private readonly Dictionary<SubscriptionId, TargetKind> _targetKinds = [];
    private readonly CancellationTokenSource _abort = new();
    private volatile bool _stopping;

    /// <summary>Whether <see cref="StopAsync"/> was called: nothing new is claimed, and sends stop after their current message.</summary>
    public bool IsStopping => _stopping;

    /// <summary>Sends what is due now and waits until those sends are done; returns how many batches it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var batches = await outbox.ClaimDueAsync(now, settings.ClaimLease, settings.MaxParallelTargets, cancellationToken);
        await Task.WhenAll(batches.Select(batch => SendBatchSafelyAsync(batch, now + settings.ClaimLease, cancellationToken)));
        return batches.Count;
    }

    /// <summary>
    /// Claims what is due for subscriptions not already being sent from here and starts sending without waiting, so a
    /// slow target holds one of <see cref="DeliveryOptions.MaxParallelTargets"/> slots and nothing else. Returns how many
    /// sends it started. The worker calls this in a loop; finished sends wake it through the outbox signal.
    /// </summary>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            return 0;
        }

        int free;
        lock (_inFlightGate)
        {
            free = options.Value.MaxParallelTargets - _inFlight.Count;
        }

        if (free <= 0)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        var leaseEnd = now + options.Value.ClaimLease;
        var batches = await outbox.ClaimDueAsync(now, options.Value.ClaimLease, free, cancellationToken);
        var started = 0;
        foreach (var batch in batches)
        {
            lock (_inFlightGate)
            {
                if (!_inFlight.TryGetValue(batch.SubscriptionId, out var running))
                {
                    _inFlight[batch.SubscriptionId] = (batch.GroupId, Task.Run(() => SendInBackgroundAsync(batch, leaseEnd, _abort.Token), CancellationToken.None));
                    started++;
                }
                else if (running.GroupId != batch.GroupId)
                {
                    // The running send completed its rows and the claim saw the channel free before the send let go of
                    // its slot: this group goes right after it, in order, instead of waiting out its lease.
                    _inFlight[batch.SubscriptionId] = (batch.GroupId, Task.Run(() => SendAfterAsync(running.Sending, batch, leaseEnd, _abort.Token), CancellationToken.None));
                    started++;
                }

                // Otherwise a send from here outlived its lease and was just claimed again (which renewed the lease): let it finish.
            }
        }

        return started;
    }

    /// <summary>Whether every slot is taken by a send in flight, so nothing more can start until one finishes (and signals).</summary>
    public bool IsFull
    {
        get
        {
            lock (_inFlightGate)
            {
                return _inFlight.Count >= options.Value.MaxParallelTargets;
            }
        }
    }

    /// <summary>Completes when every send started by <see cref="StartDueAsync"/> has finished (for shutdown and tests).</summary>
    public Task WhenSentAsync()
    {
        lock (_inFlightGate)
        {
            return Task.WhenAll(_inFlight.Values.Select(running => running.Sending));
        }
    }

    /// <summary>
    /// Stops sending: nothing more is claimed, each send in flight finishes its current message and hands the rest of its
    /// batch back, and after <paramref name="grace"/> a send still waiting on its platform is cut off and handed back too.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _stopping = true;
        var sending = WhenSentAsync();
        try
        {
            await sending.WaitAsync(grace, timeProvider, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            Log.StopCutOff(logger, grace.TotalSeconds);
            await _abort.CancelAsync();
            await sending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task SendAfterAsync(Task previous, OutboxBatch batch, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        await previous.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default); // Its own failures are its own.
        await SendInBackgroundAsync(batch, leaseEnd, cancellationToken);
    }

    private async Task SendInBackgroundAsync(OutboxBatch batch, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        try
        {
            await SendBatchSafelyAsync(batch, leaseEnd, cancellationToken);
        }
        finally
        {
            lock (_inFlightGate)
            {
                // A group chained after this one holds the slot now: leave it.
                if (_inFlight.TryGetValue(batch.SubscriptionId, out var running) && running.GroupId == batch.GroupId)
                {
                    _inFlight.Remove(batch.SubscriptionId);
                }
            }

            signal.Notify();
        }
    }

    private async Task SendBatchSafelyAsync(OutboxBatch batch, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        using var sent = new CancellationTokenSource();
        var renewing = RenewWhileSendingAsync(batch, leaseEnd, sent.Token);
        try
        {
            await SendBatchAsync(batch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-batch: hand the group back at once, same group id, so a restart re-sends it under the same keys.
            await outbox.EndLeaseAsync(batch.GroupId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // A transport failure: transient by definition. Back off and try again, or give up after MaxAttempts.
            Log.SendFailed(logger, exception, batch.SubscriptionId.Value, batch.Items.Count + batch.Digests.Count);
            TargetKind? kind;
            lock (_inFlightGate)
            {
                kind = _targetKinds.TryGetValue(batch.SubscriptionId, out var known) ? known : null;
            }

            await FailAsync(batch, kind, $"{exception.GetType().Name}: {exception.Message}", platformAsked: null, CancellationToken.None);
        }
        finally
        {
            await sent.CancelAsync();
            await renewing;
        }
    }

    /// <summary>
    /// Renews the batch's lease every third of <see cref="DeliveryOptions.ClaimLease"/> while it is sent, so a slow send
    /// (a paced channel, a long retry-after) is not claimed again by another instance. A renewal only extends the lease this
    /// dispatcher set, so it never undoes a retry time or takes back a batch another dispatcher claimed.
    /// </summary>
    private async Task RenewWhileSendingAsync(OutboxBatch batch, DateTimeOffset leaseEnd, CancellationToken sent)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.ClaimLease / 3, timeProvider, sent);
                var until = timeProvider.GetUtcNow() + options.Value.ClaimLease;
                if (!await outbox.RenewLeaseAsync(batch.GroupId, leaseEnd, until, CancellationToken.None))
                {
                    return;
                }

                leaseEnd = until;
            }
        }
        catch (OperationCanceledException) when (sent.IsCancellationRequested)
        {
            // The batch is done (sent, retried, given back).
        }
        catch (Exception exception)
        {
            Log.RenewFailed(logger, exception, batch.SubscriptionId.Value);
        }
    }

    private async Task SendBatchAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.TryGetAsync(batch.SubscriptionId, cancellationToken);
        if (subscription is null)
        {
            await outbox.DeadLetterAsync(batch.GroupId, "the subscription was removed", cancellationToken);
            return;
        }

        if (subscription.IsPaused)
        {
            await outbox.ReleaseAsync(batch.GroupId, cancellationToken);
            return;
        }

        lock (_inFlightGate)
        {
            _targetKinds[subscription.Id] = subscription.Target.Kind;
        }

        if (!_senders.TryGetValue(subscription.Target.Kind, out var sender))
        {
            await PauseAsync(subscription, batch, $"no sender for {subscription.Target.Kind} targets is configured", cancellationToken);
            return;
        }

        var alerts = batch.Items.Where(item => item.Action == OutboxAction.Alert).OrderBy(item => item.Id).ToList();
        var followUps = batch.Items.Where(item => item.Action != OutboxAction.Alert).OrderBy(item => item.Id).ToList();
        if (!await SendAlertsAsync(batch, subscription, sender, alerts, cancellationToken))
        {
            return;
        }

        foreach (var item in followUps)
        {
            if (await HandBackIfStoppingAsync(batch) || !await SendFollowUpAsync(batch, subscription, sender, item, cancellationToken))
            {
                return;
            }
        }

        foreach (var digest in batch.Digests)
        {
            if (await HandBackIfStoppingAsync(batch))
            {
                return;
            }

            // The digest as composed at its slot; its key is the slot's, so a re-send after a crash is dropped by the platform.
            var content = digest.Read();
            var result = await sender.SendDigestAsync(subscription.Target, digests.Render(content), digest.Key, cancellationToken);
            if (!await HandleAsync(batch, subscription, result, cancellationToken))
            {
                return;
            }

            var messageRef = ((DeliveryResult.Delivered)result).MessageRef; // HandleAsync returned true only for Delivered.
            await outbox.CompleteAsync(batch.GroupId, [digest.Id], messageRef, timeProvider.GetUtcNow(), cancellationToken);
            Log.DigestSent(logger, subscription.Id.Value, content.LocalDate, messageRef);
        }
    }

    /// <summary>New alerts as grouped messages; false when the batch stopped (retry, pause) and the rest must wait.</summary>
    private async Task<bool> SendAlertsAsync(OutboxBatch batch, Subscription subscription, IAlertSender sender, List<OutboxItem> alerts, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var live = new List<(OutboxItem Item, AlertEntry Entry)>();
        foreach (var item in alerts)
        {
            // An alert shows the revision that raised it; later revisions follow as updates. One withdrawn meanwhile is not sent.
            var latest = await events.TryGetAsync(item.EventId, cancellationToken);
            var shown = latest?.Revision.Number == item.Revision ? latest : await events.TryGetRevisionAsync(item.EventId, item.Revision, cancellationToken);
            if (latest is null || shown is null || latest.Status.IsWithdrawn())
            {
                await outbox.CompleteAsync(batch.GroupId, [item.Id], messageRef: string.Empty, now, cancellationToken);
                await RecordAsync(item, DeliveryDecision.Excluded, "withdrawn before it was sent", cancellationToken);
                continue;
            }

            live.Add((item, new AlertEntry(shown, AlertKind.New, await watcher.NotesForAsync(shown, cancellationToken))));
        }

        foreach (var chunk in live.Chunk(Math.Max(1, sender.MaxEntriesPerMessage)))
        {
            if (await HandBackIfStoppingAsync(batch))
            {
                return false;
            }

            var mention = subscription.Mention is { } rule && chunk.Any(part => part.Entry.Event.Severity.Effective >= rule.AtOrAbove) ? rule.Mention : null;
            var message = new AlertMessage([.. chunk.Select(part => part.Entry)], mention) { ForCurators = subscription.IsCurationQueue };
            // The key names the rows the message carries, not its position: after a retry the rows already sent are gone
            // from the batch, and a position would reuse the key of a message the platform already has (and so drop this one).
            var idempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{batch.GroupId}#{chunk[0].Item.Id}-{chunk[^1].Item.Id}");
            var result = await sender.SendAsync(subscription.Target, message, idempotencyKey, cancellationToken);
            if (!await HandleAsync(batch, subscription, result, cancellationToken))
            {
                return false;
            }

            var messageRef = ((DeliveryResult.Delivered)result).MessageRef; // HandleAsync returned true only for Delivered.
            var sentAt = timeProvider.GetUtcNow();
            await outbox.CompleteAsync(batch.GroupId, [.. chunk.Select(part => part.Item.Id)], messageRef, sentAt, cancellationToken);
            foreach (var (item, _) in chunk)
            {
                metrics.Delivered(subscription.Target.Kind, sentAt - item.DueAt);
            }

            var grouped = chunk.Length > 1 ? $" (one message with {chunk.Length} events)" : string.Empty;
            var at = timeProvider.GetUtcNow();
            await log.RecordAsync([.. chunk.Select(part => new DeliveryLogEntry(part.Item.SubscriptionId, part.Item.EventId, part.Item.Revision, DeliveryDecision.Sent,
                $"sent as {messageRef}{grouped}", at))], cancellationToken);
        }

        return true;
    }

    private async Task<bool> SendFollowUpAsync(OutboxBatch batch, Subscription subscription, IAlertSender sender, OutboxItem item, CancellationToken cancellationToken)
    {
        var sent = await outbox.TryGetAlertMessageAsync(subscription.Id, item.EventId, cancellationToken);
        var revision = await events.TryGetRevisionAsync(item.EventId, item.Revision, cancellationToken);
        if (sent is null || sent.MessageRef.Length == 0 || revision is null)
        {
            // The alert never went out (or showed the latest revision already): nothing to correct.
            await outbox.CompleteAsync(batch.GroupId, [item.Id], messageRef: string.Empty, timeProvider.GetUtcNow(), cancellationToken);
            return true;
        }

        var kind = item.Action == OutboxAction.Retract ? AlertKind.Retracted : AlertKind.Updated;
        var entries = new List<AlertEntry>();
        foreach (var eventId in sent.EventIds)
        {
            var shown = eventId == item.EventId ? revision : await events.TryGetAsync(eventId, cancellationToken);
            if (shown is not null)
            {
                // The other events of the message keep what they show: one retracted earlier stays retracted.
                var shownKind = eventId == item.EventId ? kind : Withdrawal.AlertKindOf(shown.Status);
                entries.Add(new AlertEntry(shown, shownKind, subscription.IsCurationQueue ? CuratorNote.For(shown) : []));
            }
        }

        var edit = item.Action == OutboxAction.Retract || subscription.Updates is UpdateMode.Edit or UpdateMode.Both;
        var reply = subscription.Updates is UpdateMode.Reply or UpdateMode.Both;
        if (edit)
        {
            var result = await sender.EditAsync(subscription.Target, sent.MessageRef, new AlertMessage(entries, null) { ForCurators = subscription.IsCurationQueue }, cancellationToken);
            if (!await HandleAsync(batch, subscription, result, cancellationToken))
            {
                return false;
            }

            await RecordAsync(item, DeliveryDecision.Edited, $"{sent.MessageRef} edited: {kind} (revision {item.Revision})", cancellationToken);
        }

        if (reply)
        {
            var single = new AlertMessage([new AlertEntry(revision, kind, subscription.IsCurationQueue ? CuratorNote.For(revision) : [])], null) { ForCurators = subscription.IsCurationQueue };
            var result = await sender.ReplyAsync(subscription.Target, sent.MessageRef, single, item.Key, cancellationToken);
            if (!await HandleAsync(batch, subscription, result, cancellationToken))
            {
                return false;
            }

            await RecordAsync(item, DeliveryDecision.Replied, $"replied in the thread of {sent.MessageRef}: {kind} (revision {item.Revision})", cancellationToken);
        }

        var doneAt = timeProvider.GetUtcNow();
        await outbox.CompleteAsync(batch.GroupId, [item.Id], sent.MessageRef, doneAt, cancellationToken);
        metrics.Delivered(subscription.Target.Kind, doneAt - item.DueAt);
        return true;
    }

    /// <summary>
    /// At shutdown, between two messages: the rest of the batch is handed back now, under the same group id, so a restart
    /// sends it at once and with the same keys. True when it was (stop sending this batch).
    /// </summary>
    private async Task<bool> HandBackIfStoppingAsync(OutboxBatch batch)
    {
        if (!_stopping)
        {
            return false;
        }

        await outbox.EndLeaseAsync(batch.GroupId, CancellationToken.None);
        return true;
    }

    /// <summary>True when delivered; otherwise schedules the retry or pauses, and says to stop this batch.</summary>
    private async Task<bool> HandleAsync(OutboxBatch batch, Subscription subscription, DeliveryResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case DeliveryResult.Delivered:
                return true;
            case DeliveryResult.RetryAfter retry:
                await FailAsync(batch, subscription.Target.Kind, retry.Reason, retry.Delay, cancellationToken);
                return false;
            case DeliveryResult.Rejected rejected:
                await PauseAsync(subscription, batch, rejected.Reason, cancellationToken);
                return false;
            case DeliveryResult.Undeliverable undeliverable:
                await outbox.DeadLetterAsync(batch.GroupId, undeliverable.Reason, cancellationToken);
                await RecordAllAsync(batch, DeliveryDecision.DeadLettered, $"the platform refused the message: {undeliverable.Reason}", cancellationToken);
                metrics.Failed(subscription.Target.Kind, batch.Items.Count + batch.Digests.Count, deadLettered: true);
                Log.Undeliverable(logger, subscription.Id.Value, subscription.Target.Display, undeliverable.Reason);
                return false;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result}.");
        }
    }

    private async Task FailAsync(OutboxBatch batch, TargetKind? kind, string reason, TimeSpan? platformAsked, CancellationToken cancellationToken)
    {
        var attempt = batch.Attempts + 1;
        var deadLettered = attempt >= options.Value.MaxAttempts;
        if (kind is { } platform)
        {
            metrics.Failed(platform, batch.Items.Count + batch.Digests.Count, deadLettered);
        }

        if (deadLettered)
        {
            await outbox.DeadLetterAsync(batch.GroupId, reason, cancellationToken);
            await RecordAllAsync(batch, DeliveryDecision.DeadLettered, $"gave up after {attempt} attempts: {reason}", cancellationToken);
            return;
        }

        var delay = RetryPolicy.DelayFor(attempt, options.Value, platformAsked, Random.Shared);
        await outbox.RetryLaterAsync(batch.GroupId, timeProvider.GetUtcNow() + delay, reason, cancellationToken);
        await RecordAllAsync(batch, DeliveryDecision.Failed, string.Create(CultureInfo.InvariantCulture, $"attempt {attempt} failed ({reason}); next try in {delay.TotalSeconds:0.#} s"), cancellationToken);
    }

    private async Task PauseAsync(Subscription subscription, OutboxBatch batch, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await subscriptions.UpdateAsync(subscription with { Paused = new PauseState(reason, now) }, cancellationToken);
        await outbox.ReleaseAsync(batch.GroupId, cancellationToken);
        await RecordAllAsync(batch, DeliveryDecision.Paused, $"subscription paused: {reason}; alerts wait until it is resumed", cancellationToken);
        metrics.SubscriptionPaused(subscription.Target.Kind);
        Log.SubscriptionPaused(logger, subscription.Id.Value, subscription.Target.Display, reason);
    }

    private Task RecordAsync(OutboxItem item, DeliveryDecision decision, string detail, CancellationToken cancellationToken) =>
        log.RecordAsync([new DeliveryLogEntry(item.SubscriptionId, item.EventId, item.Revision, decision, detail, timeProvider.GetUtcNow())], cancellationToken);

    private Task RecordAllAsync(OutboxBatch batch, DeliveryDecision decision, string detail, CancellationToken cancellationToken) =>
        log.RecordAsync([.. batch.Items.Select(item => new DeliveryLogEntry(item.SubscriptionId, item.EventId, item.Revision, decision, detail, timeProvider.GetUtcNow()))], cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Sending {Count} outbox items for subscription {SubscriptionId} failed; will retry")]
        public static partial void SendFailed(ILogger logger, Exception exception, string subscriptionId, int count);

        [LoggerMessage(2, LogLevel.Warning, "Subscription {SubscriptionId} to {Target} paused: {Reason}")]
        public static partial void SubscriptionPaused(ILogger logger, string subscriptionId, string target, string reason);

        [LoggerMessage(4, LogLevel.Error, "A message for subscription {SubscriptionId} to {Target} was refused and given up (a bug in what we sent): {Reason}")]
        public static partial void Undeliverable(ILogger logger, string subscriptionId, string target, string reason);

        [LoggerMessage(5, LogLevel.Warning, "Renewing the lease of a batch for subscription {SubscriptionId} failed; another instance may send it again when it runs out")]
        public static partial void RenewFailed(ILogger logger, Exception exception, string subscriptionId);

        [LoggerMessage(6, LogLevel.Warning, "Sends still waiting on their platform {Seconds} s into shutdown were cut off; their batches go again at the next start, under the same keys")]
        public static partial void StopCutOff(ILogger logger, double seconds);

        [LoggerMessage(3, LogLevel.Information, "Digest of {LocalDate} for subscription {SubscriptionId} sent as {MessageRef}")]
        public static partial void DigestSent(ILogger logger, string subscriptionId, DateOnly localDate, string messageRef);
    }
}
