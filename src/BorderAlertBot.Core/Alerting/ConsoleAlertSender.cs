using System.Globalization;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Alerting;

/// <summary>
/// Prints alerts to a text writer (the console by default) the way a chat shows them: each message with its reference,
/// edits as a re-print marked "edited", thread replies marked as replies. Like Discord's nonce, an idempotency key it has
/// already seen returns the same message instead of printing it twice. Digests print as text; their chart is written as a
/// PNG into <c>chartFolder</c> when one is given (the alt text is printed either way).
/// </summary>
public sealed class ConsoleAlertSender(TextWriter output, string? chartFolder = null) : IAlertSender, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _sent = new(StringComparer.Ordinal);
    private int _messages;

    public TargetKind Kind => TargetKind.Console;

    public int MaxEntriesPerMessage => 10;

    public Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        PrintAsync(idempotencyKey, messageRef => $"── message {messageRef} to {target.Display} ──", message, cancellationToken);

    public Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken) =>
        PrintAsync(null, _ => $"── {messageRef} edited ──", message, cancellationToken, messageRef);

    public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        PrintAsync(idempotencyKey, reply => $"── {reply}: reply in the thread of {messageRef} ──", message, cancellationToken);

    public Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken) =>
        PrintAsync(idempotencyKey, messageRef => $"── digest {messageRef} to {target.Display} ──", async () =>
        {
            await output.WriteLineAsync(AnswerTextRenderer.Render(digest).AsMemory(), cancellationToken);
            if (digest.Image is { } image && chartFolder is not null)
            {
                Directory.CreateDirectory(chartFolder);
                var path = Path.Combine(chartFolder, image.FileName);
                await File.WriteAllBytesAsync(path, image.Png, cancellationToken);
                await output.WriteLineAsync($"[chart written to {path}]".AsMemory(), cancellationToken);
            }
        }, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private Task<DeliveryResult> PrintAsync(string? idempotencyKey, Func<string, string> header, AlertMessage message, CancellationToken cancellationToken, string? existingRef = null) =>
        PrintAsync(idempotencyKey, header, async () =>
        {
            if (message.Mention is { } mention)
            {
                await output.WriteLineAsync($"@{mention}".AsMemory(), cancellationToken);
            }

            foreach (var entry in message.Entries)
            {
                await output.WriteLineAsync(AlertTextRenderer.Render(entry).AsMemory(), cancellationToken);
                if (message.ForCurators && entry.Event.Status == Domain.EventStatus.Pending)
                {
                    // The console has no buttons: the curators' verbs do the same.
                    await output.WriteLineAsync($"Curate: events approve {entry.Event.Id} | events reject {entry.Event.Id} --reason \"…\"".AsMemory(), cancellationToken);
                }
            }
        }, cancellationToken, existingRef);

    private async Task<DeliveryResult> PrintAsync(string? idempotencyKey, Func<string, string> header, Func<Task> body, CancellationToken cancellationToken, string? existingRef = null)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (idempotencyKey is not null && _sent.TryGetValue(idempotencyKey, out var earlier))
            {
                return new DeliveryResult.Delivered(earlier);
            }

            var messageRef = existingRef ?? "console-" + (++_messages).ToString(CultureInfo.InvariantCulture);
            await output.WriteLineAsync(header(messageRef).AsMemory(), cancellationToken);
            await body();
            await output.FlushAsync(cancellationToken);
            if (idempotencyKey is not null)
            {
                _sent[idempotencyKey] = messageRef;
            }

            return new DeliveryResult.Delivered(messageRef);
        }
        finally
        {
            _gate.Release();
        }
    }
}
