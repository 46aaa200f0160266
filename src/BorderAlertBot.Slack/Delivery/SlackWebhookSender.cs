using BorderAlertBot.Alerting;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Rendering;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Slack.Wire;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Slack.Delivery;

/// <summary>
/// Alerts to a Slack incoming webhook (platforms/slack.md §7): the JSON <c>text</c> and <c>blocks</c> posted to its URL,
/// answered <c>ok</c> or with a text code. The URL is the webhook's secret: it is never logged or put in a reason, only
/// <see cref="DeliveryTarget.Display"/> is. A webhook returns no <c>ts</c>, so its messages can be neither edited nor
/// threaded: an update or a retraction is posted as a new message, headed UPDATED or RETRACTED, showing only the events
/// that changed (a subscription that asks for both edits and replies gets it twice). Digests go without their chart, which
/// a webhook cannot upload. Webhooks take no idempotency key: delivery is at least once.
/// </summary>
public sealed partial class SlackWebhookSender(SlackApiClient client, ILogger<SlackWebhookSender> logger) : IAlertSender
{
    public TargetKind Kind => TargetKind.SlackWebhook;

    public int MaxEntriesPerMessage => SlackAlertRenderer.MaxEntriesPerMessage;

    public Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(target, SlackAlertRenderer.Render(message), Ref(idempotencyKey), cancellationToken);

    public Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken) =>
        PostAsync(target, SlackAlertRenderer.Render(Changed(message)), messageRef, cancellationToken);

    public Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(target, SlackAlertRenderer.Render(Changed(message)), messageRef, cancellationToken);

    public async Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken)
    {
        foreach (var part in SlackAnswerRenderer.Render(digest))
        {
            var result = await PostAsync(target, part, Ref(idempotencyKey), cancellationToken);
            if (result is not DeliveryResult.Delivered)
            {
                return result;
            }
        }

        return new DeliveryResult.Delivered(Ref(idempotencyKey));
    }

    /// <summary>
    /// What stands for the message in the outbox: a webhook gives no <c>ts</c>, but the ref must not be empty, or the
    /// dispatcher would think the alert never went and skip its updates.
    /// </summary>
    private static string Ref(string idempotencyKey) => "webhook:" + idempotencyKey;

    /// <summary>An update as a new message: only the events it is about, not the others the original also showed.</summary>
    private static AlertMessage Changed(AlertMessage message)
    {
        var changed = message.Entries.Where(entry => entry.Kind != AlertKind.New).ToList();
        return changed.Count == 0 ? message : message with { Entries = changed, Mention = null };
    }

    private async Task<DeliveryResult> PostAsync(DeliveryTarget target, SlackMessage message, string messageRef, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(target.Address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return NotAWebhook;
        }

        var response = await client.PostWebhookAsync(url, target.Key, SlackChatApi.Body(message), cancellationToken);
        var result = SlackOutcome.Of(response, _ => messageRef);
        if (result is DeliveryResult.Undeliverable)
        {
            Log.Refused(logger, target.Display, response.Describe());
        }

        return result;
    }

    private static DeliveryResult.Rejected NotAWebhook { get; } = new("the target is not a Slack incoming-webhook URL (https://hooks.slack.com/services/T…/B…/…)");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Slack refused a message to the incoming webhook {Target} ({Response}); this is a bug in what we sent")]
        public static partial void Refused(ILogger logger, string target, string response);
    }
}
