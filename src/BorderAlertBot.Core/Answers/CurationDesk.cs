using BorderAlertBot.Commands;
using BorderAlertBot.Curation;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Answers;

/// <summary>
/// Answers Approve and Reject from the curators' channel: only the configured curators may act; the decision is a new
/// revision credited to them, which the alert pipeline then shows by editing the candidate's message there (and by
/// alerting the channels that want it, once approved). The presser gets a private line saying what happened.
/// </summary>
public sealed class CurationDesk(EventCurator curator, IOptions<CurationOptions> options)
{
    public async Task<Answer> AnswerAsync(CurateCommand command, CommandCaller caller, CancellationToken cancellationToken)
    {
        var key = CuratorKey(caller);
        if (key is null || !options.Value.Curators.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            var ask = key is null ? string.Empty : $"; an operator can add {key} to Curation:Curators";
            return Answer.Problem($"Only curators can approve or reject candidates{ask}.");
        }

        var by = $"{caller.UserName} ({key})";
        var outcome = command.Decision == CurationDecision.Approve
            ? await curator.ApproveAsync(command.Id, by, cancellationToken)
            : await curator.RejectAsync(command.Id, $"rejected by {caller.UserName} in the curators' channel", by, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Answer.Problem(outcome.Message);
        }

        var said = command.Decision == CurationDecision.Approve
            ? $"Approved {command.Id}: it is verified now, and channels that want it are alerted."
            : $"Rejected {command.Id}: it stays out of every channel.";
        return new Answer(command.Decision == CurationDecision.Approve ? "Approved" : "Rejected", [new AnswerBlock.Paragraph(said)], IsPrivate: true);
    }

    /// <summary>"discord:USER_ID" or "slack:USER_ID" for a press in a Discord or Slack channel; null elsewhere.</summary>
    public static string? CuratorKey(CommandCaller caller) => caller.Channel.Kind switch
    {
        TargetKind.DiscordChannel when caller.UserId.Length > 0 => "discord:" + caller.UserId,
        TargetKind.SlackChannel when caller.UserId.Length > 0 => "slack:" + caller.UserId,
        _ => null,
    };
}
