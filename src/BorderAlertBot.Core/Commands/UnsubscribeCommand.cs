using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Commands;

/// <summary><c>/border unsubscribe &lt;subscription-id | all&gt;</c>: stop one subscription, or all of this channel's.</summary>
/// <param name="Id">The subscription to stop, or null for all of them (see <see cref="IsAll"/>).</param>
public sealed record UnsubscribeCommand(SubscriptionId? Id) : BorderCommand
{
    /// <summary><c>unsubscribe all</c>.</summary>
    public static UnsubscribeCommand All { get; } = new((SubscriptionId?)null);

    public bool IsAll => Id is null;

    public override string Name => SubcommandNames.Unsubscribe;

    public override bool RequiresAdmin => true;
}
