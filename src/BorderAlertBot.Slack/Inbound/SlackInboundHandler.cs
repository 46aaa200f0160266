using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Commands;
using BorderAlertBot.Slack.Rendering;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Slack.Wire;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// Slash commands and alert buttons, however they arrive — signed HTTP or Socket Mode (platforms/slack.md §1, §6). A
/// command's text is read by the same grammar as everywhere (<see cref="CommandParser.Parse"/>) and answered by the same
/// code: within <see cref="SlackOptions.AnswerBudget"/> and without a chart the answer is the acknowledgement itself;
/// otherwise the acknowledgement only shows the command (or nothing, for a private answer) and the answer follows
/// through <c>response_url</c>, its chart uploaded into the channel. A button press is acknowledged at once and
/// answered privately through <c>response_url</c>. Errors and private answers are ephemeral; nothing shows an exception.
/// </summary>
public sealed partial class SlackInboundHandler(
    CommandParser parser,
    CommandAnswerer answerer,
    SlackCallerPermissions permissions,
    SlackResponseUrl responseUrl,
    SlackFilesApi files,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackInboundHandler> logger)
{
    private const string Trouble = "Something went wrong on our side; try again in a moment.";

    public async Task<SlackReply> CommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return parser.Parse(command.Text) switch
            {
                CommandParseResult.Parsed { Command: var parsed } => await AnswerAsync(command, parsed, cancellationToken),
                CommandParseResult.Invalid { Error: var error } => Immediate(Answer.Problem(error.Message)),
                _ => Immediate(Answer.Problem($"That command could not be read; see /{options.Value.CommandName} help")),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception, "command");
            return Immediate(Answer.Problem(Trouble));
        }
    }

    public Task<SlackReply> ActionAsync(BlockAction action, CancellationToken cancellationToken)
    {
        BorderCommand? command = action.ActionId switch
        {
            SlackAlertRenderer.MuteActionId when action.Value == SlackAlertRenderer.MuteValue => new MuteCommand(TimeSpan.FromHours(8)),
            SlackAlertRenderer.WhyActionId when Domain.EventId.TryParse(action.Value, out var id) => new WhyCommand(id),
            SlackAlertRenderer.ApproveActionId when Domain.EventId.TryParse(action.Value, out var id) => new CurateCommand(CurationDecision.Approve, id),
            SlackAlertRenderer.RejectActionId when Domain.EventId.TryParse(action.Value, out var id) => new CurateCommand(CurationDecision.Reject, id),
            _ => null,
        };
        var caller = Caller(action.TeamId, action.ChannelId, action.UserId, action.UserName);

        // Slack wants the 200 at once; the answer, for whoever pressed, follows through response_url.
        return Task.FromResult(SlackReply.Acknowledged(async ct =>
        {
            var answer = command is null
                ? Answer.Problem("This button is no longer in use.")
                : await AnswerSafelyAsync(answerer.AnswerAsync(command, caller, ct));
            await FollowUpAsync(action.ResponseUrl, action.ChannelId, answer with { IsPrivate = true }, ct);
        }));
    }

    private async Task<SlackReply> AnswerAsync(SlashCommand command, BorderCommand parsed, CancellationToken cancellationToken)
    {
        // The budget runs from now. The answer may outlive the acknowledgement, so it does not take the request's token.
        var budget = Task.Delay(options.Value.AnswerBudget, timeProvider, cancellationToken);
        var answering = answerer.AnswerAsync(parsed, Caller(command.TeamId, command.ChannelId, command.UserId, command.UserName), CancellationToken.None);
        await Task.WhenAny(answering, budget);
        if (answering.IsCompletedSuccessfully && answering.Result.Image is null && SlackAnswerRenderer.Render(answering.Result) is [var only])
        {
            return new SlackReply(200, Json(only, replaceOriginal: null));
        }

        // Slow, or with a chart to upload: show the command in the channel when the answer will be public, then follow up.
        var isPrivate = answering.IsCompletedSuccessfully ? answering.Result.IsPrivate : parsed is HelpCommand or WhyCommand or SubscriptionsCommand;
        var acknowledgement = isPrivate ? null : new JsonObject { ["response_type"] = "in_channel" }.ToJsonString();
        return new SlackReply(200, acknowledgement, async ct => await FollowUpAsync(command.ResponseUrl, command.ChannelId, await AnswerSafelyAsync(answering), ct));
    }

    private async Task<Answer> AnswerSafelyAsync(Task<Answer> answering)
    {
        try
        {
            return await answering;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception, "answer");
            return Answer.Problem(Trouble);
        }
    }

    /// <summary>The answer's messages to <c>response_url</c> (at most five), then its chart into the channel.</summary>
    private async Task FollowUpAsync(string? url, string channel, Answer answer, CancellationToken cancellationToken)
    {
        if (url is null)
        {
            Log.NoResponseUrl(logger);
            return;
        }

        var messages = SlackAnswerRenderer.Render(answer);
        foreach (var message in messages.Take(SlackResponseUrl.MaxPosts))
        {
            if (!await responseUrl.PostAsync(url, Json(message, replaceOriginal: false), cancellationToken))
            {
                return;
            }
        }

        if (!answer.IsPrivate && answer.Image is { } chart)
        {
            await UploadAsync(channel, chart, cancellationToken);
        }
    }

    private async Task UploadAsync(string channel, ChartImage chart, CancellationToken cancellationToken)
    {
        try
        {
            if (await files.ShareAsync(chart, channel, threadTs: null, cancellationToken) is { } failure)
            {
                Log.ChartFailed(logger, failure.Step, failure.Reason);
            }
        }
        catch (HttpRequestException exception)
        {
            Log.ChartFailed(logger, "upload", exception.Message);
        }
    }

    private CommandCaller Caller(string teamId, string channelId, string userId, string userName) =>
        new(new DeliveryTarget(TargetKind.SlackChannel, channelId), userId, userName.Length > 0 ? userName : userId, permissions.For(teamId, userId));

    private static SlackReply Immediate(Answer answer) => new(200, Json(SlackAnswerRenderer.Render(answer)[0], replaceOriginal: null));

    /// <summary>A message as a command answer: <c>response_type</c> always set (ephemeral for a private answer), text and blocks.</summary>
    private static string Json(SlackMessage message, bool? replaceOriginal)
    {
        var body = JsonSerializer.SerializeToNode(message, SlackWireJsonContext.Default.SlackMessage)?.AsObject() ?? [];
        body["response_type"] = message.IsPrivate ? "ephemeral" : "in_channel";
        if (replaceOriginal is { } replace)
        {
            body["replace_original"] = replace;
        }

        return body.ToJsonString();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Answering a Slack {What} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string what);

        [LoggerMessage(2, LogLevel.Warning, "A Slack request came without a response_url; its answer was dropped")]
        public static partial void NoResponseUrl(ILogger logger);

        [LoggerMessage(3, LogLevel.Warning, "Uploading an answer's chart to Slack failed at {Step}: {Response}")]
        public static partial void ChartFailed(ILogger logger, string step, string response);
    }
}
