namespace BorderAlertBot.Hosting;

/// <summary>
/// Subscriptions declared in configuration, for targets without a channel to type <c>/border subscribe</c> in (webhooks).
/// The store is brought in line with this list at every start: see <see cref="Subscriptions.ConfiguredSubscriptionSync"/>.
/// </summary>
public sealed class ConfiguredSubscriptionsOptions
{
    public const string SectionName = "Subscriptions";

    public List<ConfiguredSubscriptionOptions> Configured { get; set; } = [];
}

public sealed class ConfiguredSubscriptionOptions
{
    /// <summary>Lower-case letters, digits and hyphens; how the subscription is found again at the next start.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>As for the CLI's <c>--target</c>: <c>discord-webhook:https://discord.com/api/webhooks/…</c>, <c>discord-channel:ID</c>, …</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The options of <c>/border subscribe</c>, e.g. <c>kinds:clash regions:CN-MM updates:both</c>; empty for everything verified.</summary>
    public string Filter { get; set; } = string.Empty;
}
