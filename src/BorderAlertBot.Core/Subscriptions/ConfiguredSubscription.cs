using BorderAlertBot.Commands;

namespace BorderAlertBot.Subscriptions;

/// <summary>
/// A subscription an operator declared in configuration rather than made with a command: a webhook has no channel to type
/// <c>/border subscribe</c> in. <paramref name="Name"/> is how it is found again at the next start.
/// </summary>
public sealed record ConfiguredSubscription(string Name, DeliveryTarget Target, SubscribeCommand Subscribe)
{
    private const string CreatorPrefix = "appsettings:";

    /// <summary>Who a configured subscription is recorded as created by; a subscription with such a creator is owned by configuration.</summary>
    public string CreatedBy => CreatorPrefix + Name;

    /// <summary>The name a configured subscription was recorded under, or null for one made by a person.</summary>
    public static string? NameOf(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.CreatedBy.StartsWith(CreatorPrefix, StringComparison.Ordinal) ? subscription.CreatedBy[CreatorPrefix.Length..] : null;
    }
}
