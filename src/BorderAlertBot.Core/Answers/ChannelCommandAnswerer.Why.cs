using BorderAlertBot.Commands;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Answers;

/// <summary><c>why &lt;event&gt;</c>: from the delivery log, for each of the channel's subscriptions.</summary>
public sealed partial class ChannelCommandAnswerer
{
    private async Task<Answer> WhyAsync(WhyCommand command, CommandCaller caller, CancellationToken cancellationToken)
    {
        var conflictEvent = await events.TryGetAsync(command.Id, cancellationToken);
        if (conflictEvent is null)
        {
            return Answer.Problem($"why: no event {command.Id}; /border search finds events by words");
        }

        var title = $"Why: {conflictEvent.Title}";
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        if (own.Count == 0)
        {
            return new Answer(title, [new AnswerBlock.Paragraph(NoSubscriptions)], IsPrivate: true);
        }

        var blocks = new List<AnswerBlock>();
        foreach (var subscription in own)
        {
            var explanation = await explainer.ExplainAsync(conflictEvent, subscription, cancellationToken);
            var lines = DeliveryExplanationText.Lines(explanation).Select(line => "  " + line);
            blocks.Add(new AnswerBlock.Paragraph(
                $"{subscription.Id} ({SubscriptionDescription.Filters(subscription.Filter)}): {Verdict(explanation)}\n{string.Join('\n', lines)}"));
        }

        return new Answer(title, blocks, IsPrivate: true);
    }

    /// <summary>The outcome in a few words, from the latest step that settles it.</summary>
    private static string Verdict(DeliveryExplanation explanation)
    {
        if (explanation.JudgedNow)
        {
            return explanation.Exclusion is null ? "it matches, but no alert is on record" : "not sent: it does not match";
        }

        var settled = explanation.Log.LastOrDefault(entry => entry.Decision is not (DeliveryDecision.Matched or DeliveryDecision.Queued));
        return settled?.Decision switch
        {
            DeliveryDecision.Sent or DeliveryDecision.Edited or DeliveryDecision.Replied => "sent",
            DeliveryDecision.Excluded => "not sent: " + settled.Detail,
            DeliveryDecision.Held => "held: " + settled.Detail,
            DeliveryDecision.Failed => "not sent yet: delivery failed and will be retried",
            DeliveryDecision.DeadLettered => "not sent: delivery gave up",
            DeliveryDecision.Paused => "waiting: the subscription is paused",
            _ => "matched; waiting to be sent",
        };
    }
}
