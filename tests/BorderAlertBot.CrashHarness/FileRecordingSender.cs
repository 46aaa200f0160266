using System.Globalization;
using System.Text;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.CrashHarness;

/// <summary>
/// A console "platform" that is a file: each message is one line, <c>key TAB target TAB event ids</c>, forced to disk
/// before Delivered is returned, so a line on disk means the platform has the message. The same key always gets the same
/// message reference, as with Discord's nonce; the test, not the sender, drops lines with a key seen before, so it can
/// count them. A digest's line carries "digest" instead of event ids. Edits carry no idempotency key: their line's key is "edit:" and the edited message's reference.
/// </summary>
public sealed class FileRecordingSender(string path, TextWriter progress) : IAlertSender, IDisposable
{
    private readonly FileStream _file = new(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _sent;

    public TargetKind Kind => TargetKind.Console;

    /// <summary>Five, so each subscription's 20 alerts leave as four messages of one batch, and kills land between them.</summary>
    public int MaxEntriesPerMessage => 5;

    public Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        RecordAsync(idempotencyKey, target, message, "msg:" + idempotencyKey, cancellationToken);

    public Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken) =>
        RecordAsync("edit:" + messageRef, target, message, messageRef, cancellationToken);

    public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        RecordAsync(idempotencyKey, target, message, "msg:" + idempotencyKey, cancellationToken);

    public Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken) =>
        RecordAsync(idempotencyKey, target, "digest", "msg:" + idempotencyKey, cancellationToken);

    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }

    private Task<DeliveryResult> RecordAsync(string key, DeliveryTarget target, AlertMessage message, string messageRef, CancellationToken cancellationToken) =>
        RecordAsync(key, target, string.Join(',', message.Entries.Select(entry => entry.Event.Id.Value)), messageRef, cancellationToken);

    private async Task<DeliveryResult> RecordAsync(string key, DeliveryTarget target, string carried, string messageRef, CancellationToken cancellationToken)
    {
        var line = $"{key}\t{target.Display}\t{carried}\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _file.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
            _file.Flush(flushToDisk: true);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sent {++_sent}"));
            return new DeliveryResult.Delivered(messageRef);
        }
        finally
        {
            _gate.Release();
        }
    }
}
