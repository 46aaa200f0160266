using System.Threading.Channels;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>
/// Deferred interaction answers waiting to be completed after their HTTP response has gone (platforms/discord.md §1.4):
/// the endpoint puts them here and a worker of the host runs them, so a slow chart never holds the response, and shutdown
/// waits for them.
/// </summary>
public sealed class DeferredAnswers
{
    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Func<CancellationToken, Task> complete) => _queue.Writer.TryWrite(complete);

    public IAsyncEnumerable<Func<CancellationToken, Task>> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}
