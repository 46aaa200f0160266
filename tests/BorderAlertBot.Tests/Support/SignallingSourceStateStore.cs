using BorderAlertBot.Abstractions;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Tests.Support;

/// <summary>The real state store, telling the test when a source's poll has been recorded, so no test waits by sleeping.</summary>
public sealed class SignallingSourceStateStore(ISourceStateStore inner) : ISourceStateStore
{
    private readonly TaskCompletionSource<SourceState> _firstSuccess = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first state saved after a successful poll.</summary>
    public Task<SourceState> FirstSuccess => _firstSuccess.Task;

    public Task<SourceState?> TryGetAsync(string name, CancellationToken cancellationToken) => inner.TryGetAsync(name, cancellationToken);

    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(state, cancellationToken);
        if (state.LastSuccessAt is not null)
        {
            _firstSuccess.TrySetResult(state);
        }
    }

    public Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
}
