using BorderAlertBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Core.Tests.Storage;

public sealed class ChangeSignalTests
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private readonly ChangeSignal _signal;

    public ChangeSignalTests() => _signal = new ChangeSignal(_time);

    [Fact]
    public void A_reader_that_missed_a_commit_does_not_wait()
    {
        // Arrange
        var seen = _signal.Version;
        _signal.Notify();

        // Act
        var wait = _signal.WaitAsync(seen, Fallback, CancellationToken.None);

        // Assert
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_commit_wakes_a_waiting_reader_before_the_fallback()
    {
        // Arrange
        var seen = _signal.Version;
        var wait = _signal.WaitAsync(seen, Fallback, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        // Act
        _signal.Notify();

        // Assert
        await wait.WaitAsync(Patience);
        Assert.Equal(seen + 1, _signal.Version);
    }

    [Fact]
    public async Task Without_a_commit_the_reader_wakes_when_the_fallback_has_passed()
    {
        // Arrange
        var wait = _signal.WaitAsync(_signal.Version, Fallback, CancellationToken.None);

        // Act
        _time.Advance(Fallback - TimeSpan.FromSeconds(1));
        var completedEarly = wait.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        Assert.False(completedEarly);
        await wait.WaitAsync(Patience);
    }

    [Fact]
    public async Task Cancelling_a_wait_throws()
    {
        using var cancellation = new CancellationTokenSource();
        var wait = _signal.WaitAsync(_signal.Version, Fallback, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_wait_with_a_cancelled_token_throws_at_once()
    {
        var wait = _signal.WaitAsync(_signal.Version, Fallback, new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Patience));
    }

    [Fact]
    public void Each_commit_moves_the_version_on()
    {
        var start = _signal.Version;

        _signal.Notify();
        _signal.Notify();

        Assert.Equal(start + 2, _signal.Version);
    }
}
