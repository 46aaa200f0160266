using BorderAlertBot.Commands;

namespace BorderAlertBot.Subscriptions;

/// <summary>
/// A subscription an operator declared in configuration rather than made with a command: a webhook has no channel to type
/// <c>/border subscribe</c> in. <paramref name="Name"/> is how it is found again at the next start.
/// </summary>
public sealed record ConfiguredSubscription(string Name, DeliveryTarget Target, SubscribeCommand Subscribe)
{
    private const string CreatorPrefix = "appsettings:";

    /// <summary>The name the curators' channel (<c>Curation:QueueTarget</c>) is kept under; not for <c>Subscriptions:Configured</c>.</summary>
    public const string CurationQueueName = "curation-queue";

    /// <summary>Whether this is the curators' channel rather than an alert subscription.</summary>
    public bool IsCurationQueue { get; init; }

    /// <summary>The curators' channel at <paramref name="target"/>: every pending candidate, one message each, edited as it is decided.</summary>
    public static ConfiguredSubscription CurationQueue(DeliveryTarget target) =>
        new(CurationQueueName, target, new SubscribeCommand(SubscriptionFilter.Everything with { VerifiedOnly = false }, TimeSpan.Zero, UpdateMode.Edit))
        {
            IsCurationQueue = true,
        };

    /// <summary>Who a configured subscription is recorded as created by; a subscription with such a creator is owned by configuration.</summary>
    public string CreatedBy => CreatorPrefix + Name;

    /// <summary>The name a configured subscription was recorded under, or null for one made by a person.</summary>
    public static string? NameOf(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.CreatedBy.StartsWith(CreatorPrefix, StringComparison.Ordinal) ? subscription.CreatedBy[CreatorPrefix.Length..] : null;
    }
}
