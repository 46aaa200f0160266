using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Commands;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Answers;

/// <summary>
/// Answers the subcommands that read or change the channel they were sent from — <c>why</c>, <c>subscriptions</c>,
/// <c>subscribe</c>, <c>unsubscribe</c>, <c>digest</c>, <c>mute</c>, <c>unmute</c> — against the subscriptions that deliver
/// to that channel. Admin rights are checked before any of this (<see cref="CommandAnswerer"/>). Reads are as of the
/// moment asked; changes happen now, on the injected clock.
/// </summary>
public sealed partial class ChannelCommandAnswerer(
    ISubscriptionStore subscriptions,
    IEventStore events,
    IEventQueries queries,
    DeliveryExplainer explainer,
    HeldAlerts held,
    IOptions<DeliveryOptions> delivery,
    TimeProvider timeProvider)
{
    /// <summary>How many subscriptions one channel may have: enough for any real desk, few enough that a loop cannot flood the store.</summary>
    public const int MaxSubscriptionsPerChannel = 25;

    /// <summary>How far back the <c>subscribe</c> preview looks.</summary>
    public static TimeSpan PreviewPeriod { get; } = TimeSpan.FromDays(7);

    /// <summary>How many events the preview lists.</summary>
    public const int PreviewShown = 10;

    public Task<Answer> AnswerAsync(BorderCommand command, CommandCaller caller, DateTimeOffset now, CancellationToken cancellationToken) => command switch
    {
        WhyCommand why => WhyAsync(why, caller, cancellationToken),
        SubscriptionsCommand => ListAsync(caller, now, cancellationToken),
        SubscribeCommand subscribe => SubscribeAsync(subscribe, caller, now, cancellationToken),
        UnsubscribeCommand unsubscribe => UnsubscribeAsync(unsubscribe, caller, cancellationToken),
        DigestCommand digest => DigestAsync(digest, caller, cancellationToken),
        MuteCommand mute => MuteAsync(mute, caller, cancellationToken),
        UnmuteCommand => UnmuteAsync(caller, cancellationToken),
        _ => Task.FromResult(Answer.Problem($"/border {command.Name} is not a channel command; see /border help")),
    };

    private async Task<Answer> ListAsync(CommandCaller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        if (own.Count == 0)
        {
            return new Answer("Subscriptions in this channel", [new AnswerBlock.Paragraph(NoSubscriptions)], IsPrivate: true);
        }

        var facts = own.Select(subscription => new Fact(subscription.Id.Value, Describe(subscription, now))).ToList();
        return new Answer(string.Create(CultureInfo.InvariantCulture, $"Subscriptions in this channel ({own.Count})"), [new AnswerBlock.Facts(facts)], IsPrivate: true);
    }

    private async Task<Answer> UnsubscribeAsync(UnsubscribeCommand command, CommandCaller caller, CancellationToken cancellationToken)
    {
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        var chosen = command.Id is { } id ? own.Where(subscription => subscription.Id == id).ToList() : [.. own];
        if (chosen.Count == 0)
        {
            return Answer.Problem(command.Id is { } missing
                ? $"unsubscribe: this channel has no subscription {missing}; /border subscriptions lists them"
                : "unsubscribe: this channel has no subscriptions");
        }

        foreach (var subscription in chosen)
        {
            await subscriptions.RemoveAsync(subscription.Id, cancellationToken);
        }

        var ids = string.Join(", ", chosen.Select(subscription => subscription.Id.Value));
        return new Answer(chosen.Count == 1 ? "Unsubscribed" : string.Create(CultureInfo.InvariantCulture, $"Unsubscribed ({chosen.Count})"),
            [new AnswerBlock.Paragraph($"This channel no longer gets what {ids} asked for. Alerts already posted stay; any still waiting are dropped.")]);
    }

    /// <summary>A subscription on one line: its filters, how it delivers, its state (paused ones say why) and its digest.</summary>
    private static string Describe(Subscription subscription, DateTimeOffset now)
    {
        var parts = new List<string> { SubscriptionDescription.Filters(subscription.Filter), SubscriptionDescription.State(subscription, now) };
        if (subscription.GroupWindow > TimeSpan.Zero)
        {
            parts.Add("grouped within " + DurationText.Format(subscription.GroupWindow));
        }

        if (subscription.Digest is { } digest)
        {
            parts.Add(SubscriptionDescription.Digest(digest));
        }

        return string.Join(" · ", parts);
    }

    private const string NoSubscriptions = "This channel has no subscriptions, so it gets no alerts. A channel admin can start with /border subscribe, such as /border subscribe kinds:clash regions:CN-MM.";
}
