namespace BorderAlertBot.Commands;

/// <summary><c>/border subscriptions</c>: this channel's subscriptions, including paused ones and why.</summary>
public sealed record SubscriptionsCommand : BorderCommand
{
    public override string Name => SubcommandNames.Subscriptions;

    public override bool RequiresAdmin => false;
}
