using BorderAlertBot.Security;
using BorderAlertBot.Slack.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// The two Request URLs of HTTP mode (platforms/slack.md §1, §2): the signature over the raw body is checked before
/// anything is parsed (401 otherwise); <c>ssl_check</c> gets a bare 200; a form without a channel, user or command, or
/// an interactivity body without a JSON <c>payload</c>, is a 400 that says nothing of our internals.
/// </summary>
public sealed partial class SlackHttpRequests(SlackSignature signature, SignatureReplays replays, IOptions<SlackOptions> options, SlackInboundHandler handler, ILogger<SlackHttpRequests> logger)
{
    public async Task<SlackReply> CommandAsync(string? signatureHeader, string? timestamp, byte[] body, CancellationToken cancellationToken)
    {
        if (!Verified(signatureHeader, timestamp, body))
        {
            return SlackReply.Unauthorized;
        }

        var fields = SlackForm.Parse(body);
        if (SlashCommand.IsSslCheck(fields))
        {
            return SlackReply.Acknowledged();
        }

        return SlashCommand.From(fields) is { } command ? await handler.CommandAsync(command, cancellationToken) : SlackReply.BadRequest;
    }

    public async Task<SlackReply> InteractivityAsync(string? signatureHeader, string? timestamp, byte[] body, CancellationToken cancellationToken)
    {
        if (!Verified(signatureHeader, timestamp, body))
        {
            return SlackReply.Unauthorized;
        }

        if (!SlackForm.Parse(body).TryGetValue("payload", out var payloadText) || !InteractivityPayload.TryParse(payloadText, out var payload))
        {
            return SlackReply.BadRequest;
        }

        // Other interaction types (shortcuts, view submissions) are not ours: acknowledged and left alone.
        return BlockAction.From(payload) is { } action ? await handler.ActionAsync(action, cancellationToken) : SlackReply.Acknowledged();
    }

    private bool Verified(string? signatureHeader, string? timestamp, byte[] body)
    {
        var verdict = signature.Verify(signatureHeader, timestamp, body);
        if (verdict == SlackSignatureVerdict.Valid && !replays.TryFirstUse(signatureHeader!, options.Value.SignatureMaxAge)) // Valid: it is there.
        {
            verdict = SlackSignatureVerdict.Replayed;
        }

        if (verdict == SlackSignatureVerdict.Valid)
        {
            return true;
        }

        Log.Refused(logger, verdict);
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Refused a Slack request: its signature is {Verdict}")]
        public static partial void Refused(ILogger logger, SlackSignatureVerdict verdict);
    }
}
