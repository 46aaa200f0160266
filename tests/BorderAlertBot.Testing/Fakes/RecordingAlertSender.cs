using System.Globalization;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Testing.Fakes;

/// <summary>What a sender was asked to do.</summary>
public enum SenderCall
{
    Send,
    Edit,
    Reply,
    Digest,
}

/// <summary>
/// Something the "platform" now shows: a message sent, an edit applied to <paramref name="MessageRef"/>, or a reply
/// (<paramref name="MessageRef"/>) in the thread of <paramref name="ThreadOf"/>, or a digest (<paramref name="Digest"/>; its
/// <paramref name="Message"/> is empty).
/// </summary>
public sealed record RecordedDelivery(SenderCall Call, DeliveryTarget Target, AlertMessage Message, string? IdempotencyKey, string MessageRef, string? ThreadOf, Answer? Digest = null);

/// <summary>One call as the sender received it, whatever came of it ("delivered", "duplicate", "retry-after", "rejected", "undeliverable", "threw", "blocked").</summary>
public sealed record RawSenderCall(SenderCall Call, DeliveryTarget Target, string? IdempotencyKey, string Outcome);

/// <summary>
/// An <see cref="IAlertSender"/> that records every send, edit, reply and digest (target, message, idempotency key) in the order
/// received, the way CollectingSink does. Like Discord's nonce, a key it has seen succeed returns the earlier message
/// instead of creating another, so <see cref="Deliveries"/> is what a channel would show and <see cref="RawCalls"/> counts
/// every attempt. The next calls can be scripted (for every target or one target address) to return
/// <see cref="DeliveryResult.RetryAfter"/> or <see cref="DeliveryResult.Rejected"/>, throw, block until a task completes,
/// or reach the platform and never answer (a process that died after the platform took the message). Thread-safe.
/// </summary>
public sealed class RecordingAlertSender(TargetKind kind = TargetKind.Console, int maxEntriesPerMessage = 10) : IAlertSender
{
    private readonly Lock _gate = new();
    private readonly List<RecordedDelivery> _deliveries = [];
    private readonly List<RawSenderCall> _rawCalls = [];
    private readonly Dictionary<string, string> _refsByKey = new(StringComparer.Ordinal);
    private readonly List<Script> _scripts = [];
    private readonly List<(Func<RecordingAlertSender, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _messages;

    public TargetKind Kind { get; } = kind;

    public int MaxEntriesPerMessage { get; set; } = maxEntriesPerMessage;

    /// <summary>What the channels show, in order: sends and replies once per idempotency key, and every applied edit.</summary>
    public IReadOnlyList<RecordedDelivery> Deliveries => Locked(() => _deliveries.ToArray());

    /// <summary>The messages sent (not edits or replies).</summary>
    public IReadOnlyList<RecordedDelivery> Messages => Locked(() => _deliveries.Where(delivery => delivery.Call == SenderCall.Send).ToArray());

    public IReadOnlyList<RecordedDelivery> Edits => Locked(() => _deliveries.Where(delivery => delivery.Call == SenderCall.Edit).ToArray());

    public IReadOnlyList<RecordedDelivery> Replies => Locked(() => _deliveries.Where(delivery => delivery.Call == SenderCall.Reply).ToArray());

    /// <summary>The digests posted, once per idempotency key.</summary>
    public IReadOnlyList<RecordedDelivery> Digests => Locked(() => _deliveries.Where(delivery => delivery.Call == SenderCall.Digest).ToArray());

    /// <summary>Every call received, including failures, blocked calls and repeated keys.</summary>
    public IReadOnlyList<RawSenderCall> RawCalls => Locked(() => _rawCalls.ToArray());

    /// <summary>
    /// The next <paramref name="times"/> calls go through as usual; scripts apply in the order they were added, so this
    /// lets a later script start at a later call.
    /// </summary>
    public RecordingAlertSender DeliverNext(int times = 1, string? address = null) =>
        AddScript(new Script(address, times, Behaviour.Deliver, null, null, null));

    /// <summary>The next <paramref name="times"/> calls (to <paramref name="address"/>, or to any target) return <paramref name="result"/>.</summary>
    public RecordingAlertSender ReturnNext(DeliveryResult result, int times = 1, string? address = null) =>
        AddScript(new Script(address, times, Behaviour.Return, result, null, null));

    /// <summary>The next <paramref name="times"/> calls throw <paramref name="exception"/>, as a transport failure would.</summary>
    public RecordingAlertSender ThrowNext(Func<Exception> exception, int times = 1, string? address = null) =>
        AddScript(new Script(address, times, Behaviour.Throw, null, exception, null));

    /// <summary>The next calls wait for <paramref name="release"/> (or the call's cancellation) and then go through as usual.</summary>
    public RecordingAlertSender BlockNext(Task release, int times = 1, string? address = null) =>
        AddScript(new Script(address, times, Behaviour.Block, null, null, release));

    /// <summary>The next calls reach the platform (it keeps the message) and then never return, like a process killed mid-call.</summary>
    public RecordingAlertSender DeliverAndHangNext(int times = 1, string? address = null) =>
        AddScript(new Script(address, times, Behaviour.DeliverAndHang, null, null, null));

    /// <summary>Completes when <paramref name="condition"/> holds; checked now and after every call.</summary>
    public Task WhenAsync(Func<RecordingAlertSender, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        CheckWaiters();
        return done.Task;
    }

    public Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        HandleAsync(SenderCall.Send, target, message, idempotencyKey, null, cancellationToken);

    public Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken) =>
        HandleAsync(SenderCall.Edit, target, message, null, messageRef, cancellationToken);

    public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        HandleAsync(SenderCall.Reply, target, message, idempotencyKey, messageRef, cancellationToken);

    public Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken) =>
        HandleAsync(SenderCall.Digest, target, new AlertMessage([], null), idempotencyKey, null, cancellationToken, digest);

    private async Task<DeliveryResult> HandleAsync(
        SenderCall call, DeliveryTarget target, AlertMessage message, string? key, string? existingRef, CancellationToken cancellationToken, Answer? digest = null)
    {
        var script = TakeScript(target);
        switch (script?.Behaviour)
        {
            case Behaviour.Return:
                Raw(call, target, key, script.Result switch
                {
                    DeliveryResult.RetryAfter => "retry-after",
                    DeliveryResult.Rejected => "rejected",
                    DeliveryResult.Undeliverable => "undeliverable",
                    _ => "scripted",
                });
                return script.Result!;
            case Behaviour.Throw:
                Raw(call, target, key, "threw");
                throw script.Exception!();
            case Behaviour.Block:
                Raw(call, target, key, "blocked");
                await script.Release!.WaitAsync(cancellationToken);
                return Deliver(call, target, message, key, existingRef, raw: false, digest);
            case Behaviour.DeliverAndHang:
                Deliver(call, target, message, key, existingRef, raw: true, digest);
                await new TaskCompletionSource().Task; // Never completes: the caller never hears back.
                throw new InvalidOperationException("Unreachable.");
            default:
                return Deliver(call, target, message, key, existingRef, raw: true, digest);
        }
    }

    private DeliveryResult.Delivered Deliver(SenderCall call, DeliveryTarget target, AlertMessage message, string? key, string? existingRef, bool raw, Answer? digest)
    {
        var result = Record(call, target, message, key, existingRef, raw, digest);
        CheckWaiters();
        return result;
    }

    private DeliveryResult.Delivered Record(SenderCall call, DeliveryTarget target, AlertMessage message, string? key, string? existingRef, bool raw, Answer? digest)
    {
        lock (_gate)
        {
            if (key is not null && _refsByKey.TryGetValue(key, out var earlier))
            {
                if (raw)
                {
                    _rawCalls.Add(new RawSenderCall(call, target, key, "duplicate"));
                }

                return new DeliveryResult.Delivered(earlier);
            }

            if (raw)
            {
                _rawCalls.Add(new RawSenderCall(call, target, key, "delivered"));
            }

            var messageRef = call == SenderCall.Edit ? existingRef! : "msg-" + (++_messages).ToString(CultureInfo.InvariantCulture);
            _deliveries.Add(new RecordedDelivery(call, target, message, key, messageRef, call == SenderCall.Reply ? existingRef : null, digest));
            if (key is not null)
            {
                _refsByKey[key] = messageRef;
            }

            return new DeliveryResult.Delivered(messageRef);
        }
    }

    private void Raw(SenderCall call, DeliveryTarget target, string? key, string outcome)
    {
        lock (_gate)
        {
            _rawCalls.Add(new RawSenderCall(call, target, key, outcome));
        }

        CheckWaiters();
    }

    private Script? TakeScript(DeliveryTarget target)
    {
        lock (_gate)
        {
            var index = _scripts.FindIndex(script => script.Address is null || script.Address == target.Address);
            if (index < 0)
            {
                return null;
            }

            var script = _scripts[index];
            if (--script.Remaining == 0)
            {
                _scripts.RemoveAt(index);
            }

            return script;
        }
    }

    private RecordingAlertSender AddScript(Script script)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(script.Remaining, 1);
        lock (_gate)
        {
            _scripts.Add(script);
        }

        return this;
    }

    private void CheckWaiters()
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            done = [];
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                // Conditions read the public lists, which take the (re-entrant) lock themselves.
                if (_waiters[i].Condition(this))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private enum Behaviour
    {
        Deliver,
        Return,
        Throw,
        Block,
        DeliverAndHang,
    }

    private sealed class Script(string? address, int times, Behaviour behaviour, DeliveryResult? result, Func<Exception>? exception, Task? release)
    {
        public string? Address { get; } = address;

        public int Remaining { get; set; } = times;

        public Behaviour Behaviour { get; } = behaviour;

        public DeliveryResult? Result { get; } = result;

        public Func<Exception>? Exception { get; } = exception;

        public Task? Release { get; } = release;
    }
}
