using System.Collections.Concurrent;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Rendering;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Slack.Wire;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Delivery;

/// <summary>
/// Alerts, their updates and digests in Slack channels through the Web API (platforms/slack.md §3): an alert is a
/// <c>chat.postMessage</c> with Block Kit and its text fallback; its <c>ts</c> is the message ref; an update edits it with
/// <c>chat.update</c>, or replies in its thread with <c>thread_ts</c>; a digest goes as its messages, then its chart in
/// the three upload steps. The address is the channel id.
/// <para>
/// Slack has no nonce or idempotency key (unlike Discord's <c>enforce_nonce</c>): a message whose answer was lost — the
/// bot killed or the connection dropped after Slack took it — is posted again when the outbox retries it. Delivery to
/// Slack is therefore at least once; a duplicate is possible, a loss is not. <c>internal_error</c> and
/// <c>fatal_error</c>, after which Slack may have posted anyway, are retried once only (§3).
/// </para>
/// </summary>
public sealed partial class SlackChannelSender(SlackChatApi chat, SlackFilesApi files, IOptions<SlackOptions> options, ILogger<SlackChannelSender> logger) : IAlertSender
{
    /// <summary>How many possibly-posted keys are remembered at most; past it they are forgotten (each then retries once more).</summary>
    private const int MaxRemembered = 10_000;

    /// <summary>Idempotency keys whose post Slack answered with <c>internal_error</c>/<c>fatal_error</c> once already.</summary>
    private readonly ConcurrentDictionary<string, byte> _mayHavePosted = new(StringComparer.Ordinal);

    public TargetKind Kind => TargetKind.SlackChannel;

    public int MaxEntriesPerMessage => SlackAlertRenderer.MaxEntriesPerMessage;

    public async Task<DeliveryResult> SendAsync(DeliveryTarget target, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var response = await chat.PostMessageAsync(target.Address, SlackAlertRenderer.Render(message), threadTs: null, cancellationToken);
        return Posted(response, target, idempotencyKey);
    }

    public async Task<DeliveryResult> EditAsync(DeliveryTarget target, string messageRef, AlertMessage message, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        if (!SlackMessageRef.TryParse(messageRef, target.Address, out var sent))
        {
            return BadRef(messageRef);
        }

        var rendered = SlackAlertRenderer.Render(message);
        var response = await chat.UpdateAsync(sent.Channel, sent.Ts, rendered, cancellationToken);
        if (response.Error is "message_not_found" or "cant_update_message")
        {
            // The alert was deleted in the channel (or is not ours to change): the update goes as a new message instead,
            // and the new message is the one later updates edit.
            response = await chat.PostMessageAsync(target.Address, rendered, threadTs: null, cancellationToken);
            return Outcome(response, target, RefOf(target));
        }

        // chat.update can be repeated safely: an edit that went through and is sent again changes nothing.
        return Outcome(response, target, _ => messageRef);
    }

    public async Task<DeliveryResult> ReplyAsync(DeliveryTarget target, string messageRef, AlertMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        if (!SlackMessageRef.TryParse(messageRef, target.Address, out var parent))
        {
            return BadRef(messageRef);
        }

        var rendered = SlackAlertRenderer.Render(message);
        var response = await chat.PostMessageAsync(parent.Channel, rendered, parent.Ts, cancellationToken);
        if (response.Error is "cannot_reply_to_message" or "thread_not_found" or "message_not_found")
        {
            // The parent is gone or takes no replies (§3: drop the thread_ts): the reply goes to the channel instead.
            response = await chat.PostMessageAsync(parent.Channel, rendered, threadTs: null, cancellationToken);
        }

        return Posted(response, target, idempotencyKey);
    }

    public async Task<DeliveryResult> SendDigestAsync(DeliveryTarget target, Answer digest, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var parts = SlackAnswerRenderer.Render(digest);
        string? first = null;
        var chart = digest.Image;
        for (var i = 0; i < parts.Count; i++)
        {
            var response = await chat.PostMessageAsync(target.Address, parts[i], threadTs: null, cancellationToken);
            if (!response.IsOk)
            {
                // A part that failed after others went: the retry posts the digest again (at least once, as above).
                return Posted(response, target, i == 0 ? idempotencyKey : $"{idempotencyKey}#{i}");
            }

            first ??= RefOf(target)(response);
            chart = parts[i].Chart ?? chart;
        }

        if (chart is not null && first is not null)
        {
            await UploadChartAsync(target, chart, cancellationToken);
        }

        return new DeliveryResult.Delivered(first ?? string.Empty);
    }

    /// <summary>
    /// The chart after the digest, in the channel where readers see it (a thread would hide it behind "1 reply"). The
    /// digest is out by now, so a failed upload costs the chart, not a second digest: it is logged, never retried.
    /// </summary>
    private async Task UploadChartAsync(DeliveryTarget target, ChartImage chart, CancellationToken cancellationToken)
    {
        try
        {
            if (await files.ShareAsync(chart, target.Address, threadTs: null, cancellationToken) is { } failure)
            {
                Log.ChartFailed(logger, target.Display, failure.Step, failure.Reason);
            }
        }
        catch (HttpRequestException exception)
        {
            Log.ChartFailed(logger, target.Display, "upload", exception.Message);
        }
    }

    /// <summary>A post's outcome, with <c>internal_error</c>/<c>fatal_error</c> retried once for each idempotency key.</summary>
    private DeliveryResult Posted(SlackResponse response, DeliveryTarget target, string idempotencyKey)
    {
        if (response.IsOk)
        {
            _mayHavePosted.TryRemove(idempotencyKey, out _);
        }
        else if (SlackOutcome.MayHavePosted(response))
        {
            if (_mayHavePosted.TryRemove(idempotencyKey, out _))
            {
                Log.MayHavePosted(logger, target.Display, response.Describe());
                return new DeliveryResult.Undeliverable($"Slack {response.Describe()} twice; the message may have been posted, so it is not sent again");
            }

            if (_mayHavePosted.Count >= MaxRemembered)
            {
                _mayHavePosted.Clear();
            }

            _mayHavePosted.TryAdd(idempotencyKey, 0);
        }

        return Outcome(response, target, RefOf(target));
    }

    private DeliveryResult Outcome(SlackResponse response, DeliveryTarget target, Func<SlackResponse, string> messageRefOf)
    {
        var result = SlackOutcome.Of(response, messageRefOf);
        if (result is DeliveryResult.Undeliverable)
        {
            Log.Refused(logger, target.Display, response.Describe(), response.Messages.Count > 0 ? string.Join("; ", response.Messages) : "no response_metadata messages");
        }

        return result;
    }

    /// <summary>The posted message's <c>ts</c>, with the channel Slack answered with when it is not the target's.</summary>
    private static Func<SlackResponse, string> RefOf(DeliveryTarget target) =>
        response => response.Text("ts") is { } ts ? new SlackMessageRef(response.Text("channel") ?? target.Address, ts).Format(target.Address) : string.Empty;

    /// <summary>Without a bot token the channel cannot be reached: the subscription is paused, saying what to set.</summary>
    private DeliveryResult.Rejected? NotConfigured() =>
        options.Value.IsEnabled ? null : new DeliveryResult.Rejected("Slack is not configured: set Slack:BotToken, then resume");

    private static DeliveryResult.Undeliverable BadRef(string messageRef) =>
        new($"'{messageRef}' is not a Slack message ts: the update cannot find its message");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Slack refused a message to {Target} ({Response}); this is a bug in what we sent: {Messages}")]
        public static partial void Refused(ILogger logger, string target, string response, string messages);

        [LoggerMessage(2, LogLevel.Warning, "The digest went to {Target}, its chart did not ({Step}: {Response})")]
        public static partial void ChartFailed(ILogger logger, string target, string step, string response);

        [LoggerMessage(3, LogLevel.Error, "Slack answered {Response} again for a message to {Target}; it may have been posted, so it is given up rather than risk a duplicate")]
        public static partial void MayHavePosted(ILogger logger, string target, string response);
    }
}
