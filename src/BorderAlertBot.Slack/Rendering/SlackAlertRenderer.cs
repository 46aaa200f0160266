using System.Globalization;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Wire;

namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// An alert message as one Slack message (platforms/slack.md §4, ARCHITECTURE.md §5 and §13): the configured user or
/// user group as the only mention, then per event a header, a section with fields, a context and an actions block with
/// <c>Why?</c> (<c>action_id</c> <see cref="WhyActionId"/>, <c>value</c> the event id); the last actions block also has
/// <c>Mute 8h</c> (<see cref="MuteActionId"/>, <see cref="MuteValue"/>). A <c>text</c> fallback with the mention and a line
/// per event. Within every limit for any input; events past <see cref="MaxEntriesPerMessage"/> are counted, not shown.
/// </summary>
public static class SlackAlertRenderer
{
    /// <summary>Entries per message for the dispatcher: four blocks each, and about 2,000 characters each of the blocks' text.</summary>
    public const int MaxEntriesPerMessage = 5;

    /// <summary>The <c>action_id</c> of every <c>Why?</c> button; each sits in its own event's actions block, so it is unique there.</summary>
    public const string WhyActionId = "why";

    public const string MuteActionId = "mute";

    /// <summary>The <c>action_id</c> of Approve in the curators' channel; its <c>value</c> is the event id.</summary>
    public const string ApproveActionId = "approve";

    /// <summary>The <c>action_id</c> of Reject in the curators' channel; its <c>value</c> is the event id.</summary>
    public const string RejectActionId = "reject";

    public const string MuteValue = "8h";

    /// <summary>What the events of one message may use of <see cref="SlackLimits.MessageTextBudget"/>; the rest is for the mention and the count.</summary>
    private const int EventsBudget = SlackLimits.MessageTextBudget - 600;

    public static SlackMessage Render(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Entries.Count == 0)
        {
            throw new ArgumentException("An alert message has at least one entry.", nameof(message));
        }

        var shown = message.Entries.Take(MaxEntriesPerMessage).ToList();
        var hidden = message.Entries.Count - shown.Count;
        var mention = SlackMention.TryParse(message.Mention);
        var budget = EventsBudget / shown.Count;

        var blocks = new List<Block>();
        if (mention is not null)
        {
            blocks.Add(new SectionBlock { Text = TextObject.Mrkdwn(mention.Markup) });
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var entry = shown[i];
            blocks.AddRange(SlackEventBlocks.Build(entry.Event, entry.Kind, entry.Notes, budget));
            if (message.ForCurators)
            {
                // In the curators' channel: a decision for each candidate still pending, nothing once it is decided.
                if (entry.Event.Status == Domain.EventStatus.Pending)
                {
                    blocks.Add(new ActionsBlock([
                        new ButtonElement(TextObject.Plain("Approve"), ApproveActionId, entry.Event.Id.Value) { Style = "primary" },
                        new ButtonElement(TextObject.Plain("Reject"), RejectActionId, entry.Event.Id.Value) { Style = "danger" },
                    ]));
                }

                continue;
            }

            List<ButtonElement> buttons = [new ButtonElement(TextObject.Plain("Why?"), WhyActionId, entry.Event.Id.Value)];
            if (i == shown.Count - 1)
            {
                buttons.Add(new ButtonElement(TextObject.Plain("Mute 8h"), MuteActionId, MuteValue));
            }

            blocks.Add(new ActionsBlock(buttons));
        }

        if (hidden > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Mrkdwn(More(hidden))]));
        }

        return new SlackMessage(Fallback(mention, shown, hidden), blocks);
    }

    /// <summary>The mention, then one line per event; at most <see cref="SlackLimits.TextLength"/>.</summary>
    private static string Fallback(SlackMention? mention, List<AlertEntry> shown, int hidden)
    {
        var perLine = (SlackLimits.TextLength - 100) / shown.Count;
        var lines = shown.Select(entry => SlackEventBlocks.Line(entry.Event, entry.Kind, perLine)).ToList();
        if (hidden > 0)
        {
            lines.Add(More(hidden));
        }

        var text = (mention is null ? string.Empty : mention.Markup + " ") + string.Join("\n", lines);
        return SlackMrkdwn.Truncate(text, SlackLimits.TextLength);
    }

    private static string More(int hidden) =>
        string.Create(CultureInfo.InvariantCulture, $"+{hidden} more {(hidden == 1 ? "event" : "events")} not shown in this message");
}
