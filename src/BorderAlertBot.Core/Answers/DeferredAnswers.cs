using System.Threading.Channels;

namespace BorderAlertBot.Answers;

/// <summary>
/// Answers waiting to be completed after the platform's 3-second acknowledgement has gone (Discord's deferred
/// interactions, Slack's <c>response_url</c>): the endpoint or socket puts them here and a worker of the host runs them,
/// so a slow chart never holds the acknowledgement, and shutdown waits for them.
/// </summary>
public sealed class DeferredAnswers
{
    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Func<CancellationToken, Task> complete) => _queue.Writer.TryWrite(complete);

    public IAsyncEnumerable<Func<CancellationToken, Task>> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}
