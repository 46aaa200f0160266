namespace BorderAlertBot.Coordination;

/// <summary>
/// This instance's share of a budget that every instance on the store draws from together — Discord's 50 requests a
/// second per bot, Slack's per-workspace minute budgets — so several instances sending at once stay inside the platform's
/// limits. The budget is split evenly over the live instances, the remainder going to the first ones by holder name, so
/// the shares add up to the budget. The presence worker keeps the count current; a single instance has it all.
/// </summary>
public sealed class ClusterShare
{
    private View _view = new(1, 0);

    /// <summary>How many instances are live, as last seen.</summary>
    public int Instances => Volatile.Read(ref _view).Instances;

    /// <summary>This instance's part of <paramref name="budget"/>: at least 1 when the budget is positive.</summary>
    public int Of(int budget)
    {
        var (instances, rank) = Volatile.Read(ref _view);
        var share = (budget / instances) + (rank < budget % instances ? 1 : 0);
        return budget > 0 ? Math.Max(1, share) : 0;
    }

    /// <summary>Records that <paramref name="instances"/> are live and this one is number <paramref name="rank"/> (from 0) among them.</summary>
    public void Update(int instances, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        Volatile.Write(ref _view, new View(instances, Math.Min(rank, instances - 1)));
    }

    private sealed record View(int Instances, int Rank);
}
