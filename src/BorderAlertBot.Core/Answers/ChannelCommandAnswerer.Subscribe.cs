using System.Globalization;
using BorderAlertBot.Commands;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Answers;

/// <summary><c>subscribe</c>: the stored subscription and what it would have sent in the last week.</summary>
public sealed partial class ChannelCommandAnswerer
{
    private async Task<Answer> SubscribeAsync(SubscribeCommand command, CommandCaller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        var same = own.FirstOrDefault(existing => new SubscribeCommand(existing.Filter, existing.GroupWindow, existing.Updates) == command);
        if (same is not null)
        {
            return Answer.Problem($"subscribe: this channel already has that subscription, {same.Id}; /border subscriptions lists them");
        }

        if (own.Count >= MaxSubscriptionsPerChannel)
        {
            return Answer.Problem(string.Create(CultureInfo.InvariantCulture,
                $"subscribe: this channel has {own.Count} subscriptions, the most it may have; /border unsubscribe one first"));
        }

        var subscription = new Subscription(SubscriptionId.New(), caller.Channel, command.Filter, command.GroupWindow, command.Updates,
            Mention: null, QuietHours: null, MutedUntil: null, Paused: null, timeProvider.GetUtcNow(), caller.UserName);
        await subscriptions.AddAsync(subscription, cancellationToken);

        var preview = await SubscriptionPreview.FindAsync(queries, command.Filter, now - PreviewPeriod, now, cancellationToken);
        var revisions = command.Updates switch
        {
            UpdateMode.Reply => "revisions reply in the alert's thread",
            UpdateMode.Both => "revisions edit the alert and reply in its thread",
            UpdateMode.None => "revisions leave the alert as it is (retractions still mark it)",
            _ => "revisions edit the alert",
        };
        var delivery = command.GroupWindow > TimeSpan.Zero
            ? $"alerts within {DurationText.Format(command.GroupWindow)} of each other come as one message; {revisions}"
            : $"each alert as it comes; {revisions}";
        var facts = new AnswerBlock.Facts(
        [
            new Fact("Filters", SubscriptionDescription.Filters(command.Filter)),
            new Fact("Delivery", delivery),
            new Fact("Subscribed by", caller.UserName),
        ]);
        return new Answer($"Subscribed this channel: {subscription.Id}", [facts, PreviewBlock(preview)]);
    }

    private static AnswerBlock PreviewBlock(PreviewResult preview)
    {
        var count = preview.Events.Count;
        if (count == 0)
        {
            return new AnswerBlock.Paragraph(preview.IsTruncated
                ? "Preview: nothing among the most recent events of the last 7 days would have matched."
                : "Preview: nothing in the last 7 days would have matched; alerts come when something does.");
        }

        var atLeast = preview.IsTruncated ? "at least " : string.Empty;
        var alerts = count == 1 ? "1 alert" : string.Create(CultureInfo.InvariantCulture, $"{atLeast}{count} alerts");
        var shown = count > PreviewShown ? string.Create(CultureInfo.InvariantCulture, $"; the latest {PreviewShown}") : string.Empty;
        return new AnswerBlock.EventList($"Preview: in the last 7 days this would have sent {alerts}{shown}:", [.. preview.Events.Take(PreviewShown)]);
    }
}
