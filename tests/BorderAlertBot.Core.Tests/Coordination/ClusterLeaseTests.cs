using BorderAlertBot.Coordination;
using BorderAlertBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Core.Tests.Coordination;

public sealed class ClusterLeaseTests
{
    // Long against the one-second steps, so a renewal has many steps of real time to happen in even on a busy machine.
    private static readonly ClusterOptions Options = new() { LeaseDuration = TimeSpan.FromSeconds(60) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLeaseStore _leases = new();

    [Fact]
    public async Task Leased_work_runs_on_one_instance_and_the_other_starts_it_when_the_first_is_done()
    {
        // Arrange
        var (a, b) = (Instance("a"), Instance("b"));
        var firstRunning = new TaskCompletionSource();
        var finishFirst = new TaskCompletionSource();
        var secondRan = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();

        // Act
        var first = a.RunAsync("digest-scheduler", async _ =>
        {
            firstRunning.SetResult();
            await finishFirst.Task;
        }, stop.Token);
        await firstRunning.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var second = b.RunAsync("digest-scheduler", _ =>
        {
            secondRan.SetResult();
            return Task.CompletedTask;
        }, stop.Token);
        await StepAsync(TimeSpan.FromSeconds(90));
        var secondRanWhileFirstHeld = secondRan.Task.IsCompleted;
        finishFirst.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        await StepUntilAsync(() => secondRan.Task.IsCompleted, TimeSpan.FromSeconds(300));

        // Assert
        Assert.False(secondRanWhileFirstHeld);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(_leases.Get("digest-scheduler"));
    }

    [Fact]
    public async Task When_the_holder_dies_its_lease_expires_and_another_instance_takes_the_work_over()
    {
        // Arrange: a holds the watcher and keeps working; b waits.
        var (a, b) = (Instance("a"), Instance("b"));
        var aWork = WorkUntilCancelled();
        var bWork = WorkUntilCancelled();
        using var stop = new CancellationTokenSource();
        var aRun = a.RunAsync("alert-watcher", aWork.Run, stop.Token);
        await aWork.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var bRun = b.RunAsync("alert-watcher", bWork.Run, stop.Token);
        await StepAsync(TimeSpan.FromSeconds(150));
        Assert.False(bWork.Started.Task.IsCompleted);

        // Act: a loses the store (as if killed or cut off) and can no longer renew.
        _leases.Unreachable("a");
        await StepUntilAsync(() => bWork.Started.Task.IsCompleted, TimeSpan.FromSeconds(300));

        // Assert: b took over only after a's lease ran out, and a's work had stopped by then.
        var aStopped = await aWork.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var bStarted = await bWork.Started.Task;
        Assert.True(aStopped <= bStarted, $"a stopped at {aStopped:HH:mm:ss}, b started at {bStarted:HH:mm:ss}");
        Assert.Equal("b", _leases.Get("alert-watcher")?.Holder);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bRun.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(aRun.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_holder_whose_lease_was_taken_stops_its_work_and_waits_to_take_it_again()
    {
        // Arrange
        var a = Instance("a");
        var work = WorkUntilCancelled();
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync("source:acled", work.Run, stop.Token);
        await work.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        // Act: another instance took it (a clock jump, a long pause: a's lease had run out).
        _leases.HandTo("source:acled", "b", _time.GetUtcNow() + Options.LeaseDuration);
        await StepUntilAsync(() => work.Cancelled.Task.IsCompleted, TimeSpan.FromSeconds(300));

        // Assert
        Assert.Equal("b", _leases.Get("source:acled")?.Holder);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(50, 1, new[] { 50 })]
    [InlineData(50, 3, new[] { 17, 17, 16 })]
    [InlineData(240, 7, new[] { 35, 35, 34, 34, 34, 34, 34 })]
    [InlineData(2, 3, new[] { 1, 1, 1 })]
    public void Each_instance_takes_its_share_of_a_budget_and_the_shares_add_up_to_it(int budget, int instances, int[] expected)
    {
        var shares = Enumerable.Range(0, instances).Select(rank =>
        {
            var share = new ClusterShare();
            share.Update(instances, rank);
            return share.Of(budget);
        });

        Assert.Equal(expected, shares);
    }

    [Fact]
    public async Task Presence_counts_the_live_instances_and_forgets_one_that_stopped_renewing()
    {
        // Arrange
        var shares = new[] { new ClusterShare(), new ClusterShare(), new ClusterShare() };
        var presences = new[] { "a", "b", "c" }.Select((holder, i) =>
            new ClusterPresence(_leases, new InstanceIdentity(holder), shares[i], Microsoft.Extensions.Options.Options.Create(Options), _time)).ToList();

        // Act
        foreach (var presence in presences)
        {
            await presence.RefreshAsync(CancellationToken.None);
        }

        var withThree = await presences[0].RefreshAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(40));
        await presences[0].RefreshAsync(CancellationToken.None);
        await presences[1].RefreshAsync(CancellationToken.None); // c never renews again.
        _time.Advance(TimeSpan.FromSeconds(25));
        await presences[1].RefreshAsync(CancellationToken.None);
        var withTwo = await presences[0].RefreshAsync(CancellationToken.None);

        // Assert
        Assert.Equal((3, 2), (withThree, withTwo));
        Assert.Equal(50, shares[0].Of(50) + shares[1].Of(50));
    }

    private ClusterLease Instance(string holder) =>
        new(_leases, new InstanceIdentity(holder), Microsoft.Extensions.Options.Options.Create(Options), _time, NullLogger<ClusterLease>.Instance);

    /// <summary>Moves the fake clock a second at a time, giving the loops a moment of real time at each step.</summary>
    private async Task StepAsync(TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
    }

    private async Task StepUntilAsync(Func<bool> done, TimeSpan most)
    {
        for (var moved = TimeSpan.Zero; !done(); moved += TimeSpan.FromSeconds(1))
        {
            Assert.True(moved <= most, $"not done after {most.TotalSeconds} s of fake time");
            await StepAsync(TimeSpan.FromSeconds(1));
        }
    }

    private Work WorkUntilCancelled() => new(_time);

    /// <summary>Work that runs until cancelled and notes on the fake clock when it started and stopped.</summary>
    private sealed class Work(TimeProvider time)
    {
        public TaskCompletionSource<DateTimeOffset> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<DateTimeOffset> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Run(CancellationToken cancellationToken)
        {
            Started.TrySetResult(time.GetUtcNow());
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            }
            finally
            {
                Cancelled.TrySetResult(time.GetUtcNow());
            }
        }
    }
}
