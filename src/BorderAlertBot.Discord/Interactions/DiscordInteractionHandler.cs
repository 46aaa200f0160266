using System.Text.Json;
using BorderAlertBot.Answers;
using BorderAlertBot.Commands;
using BorderAlertBot.Discord.Interactions.Signing;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Security;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>
/// Everything that arrives at <c>POST /discord/interactions</c> (platforms/discord.md §1): the signature is checked over
/// the raw bytes before anything is parsed (401 otherwise); PING gets PONG; a <c>/border</c> command is read by the same
/// grammar as everywhere (<see cref="CommandParser.FromOptions"/>) and answered by the same code, inline when the
/// answer is ready within <see cref="DiscordOptions.AnswerBudget"/> and carries no file, otherwise deferred (type 5) and
/// completed by editing <c>@original</c>; autocomplete suggests; the alert buttons ask <c>why</c> or mute for 8 hours.
/// Errors and private answers are ephemeral; admin rights come from <c>member.permissions</c>; nothing shows an exception.
/// </summary>
public sealed partial class DiscordInteractionHandler(
    InteractionSignature signature,
    SignatureReplays replays,
    CommandParser parser,
    CommandAnswerer answerer,
    DiscordAutocomplete autocomplete,
    DiscordWebhooksApi webhooks,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordInteractionHandler> logger)
{
    private const int Ping = 1;
    private const int ApplicationCommand = 2;
    private const int MessageComponent = 3;
    private const int Autocomplete = 4;
    private const int Ephemeral = 64;

    public async Task<InteractionReply> HandleAsync(InteractionRequest request, CancellationToken cancellationToken)
    {
        var verdict = signature.Verify(request.Signature, request.Timestamp, request.Body);
        if (verdict == SignatureVerdict.Valid && !replays.TryFirstUse(request.Signature!, options.Value.SignatureMaxAge)) // Valid: it is there.
        {
            verdict = SignatureVerdict.Replayed;
        }

        if (verdict != SignatureVerdict.Valid)
        {
            Log.Refused(logger, verdict);
            return InteractionReply.Unauthorized;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(request.Body, InteractionJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            return InteractionReply.BadRequest("the body is not an interaction");
        }

        try
        {
            return interaction?.Type switch
            {
                Ping => Json(new MessageInteractionResponse(MessageInteractionResponse.Pong)),
                ApplicationCommand => await CommandAsync(interaction, cancellationToken),
                MessageComponent => await ComponentAsync(interaction, cancellationToken),
                Autocomplete => await AutocompleteAsync(interaction, cancellationToken),
                _ => InteractionReply.BadRequest("unsupported interaction type"),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception, interaction?.Type ?? 0);
            return Message(Answer.Problem("Something went wrong on our side; try again in a moment."));
        }
    }

    private async Task<InteractionReply> CommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var (subcommand, values, _) = CommandOptions.Read(interaction.Data);
        return parser.FromOptions(subcommand, values) switch
        {
            CommandParseResult.Parsed { Command: var command } => await AnswerAsync(interaction, command, cancellationToken),
            CommandParseResult.Invalid { Error: var error } => Message(Answer.Problem(error.Message)),
            _ => Message(Answer.Problem("That command could not be read; see /border help")),
        };
    }

    private async Task<InteractionReply> ComponentAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId ?? string.Empty;
        BorderCommand? command = customId switch
        {
            "mute:8h" => new MuteCommand(TimeSpan.FromHours(8)),
            _ when customId.StartsWith("why:", StringComparison.Ordinal) && Domain.EventId.TryParse(customId[4..], out var id) => new WhyCommand(id),
            _ when Curation(customId) is { } curate => curate,
            _ => null,
        };
        if (command is null)
        {
            return Message(Answer.Problem("This button is no longer in use."));
        }

        // A button's answer is for whoever pressed it.
        var answer = await answerer.AnswerAsync(command, Caller(interaction), cancellationToken);
        return Message(answer with { IsPrivate = true });
    }

    /// <summary>Approve or Reject from the curators' channel (<see cref="DiscordAlertRenderer.CuratorRows"/>).</summary>
    private static CurateCommand? Curation(string customId) =>
        customId.StartsWith(DiscordAlertRenderer.ApproveCustomIdPrefix, StringComparison.Ordinal)
            && Domain.EventId.TryParse(customId[DiscordAlertRenderer.ApproveCustomIdPrefix.Length..], out var approve) ? new CurateCommand(CurationDecision.Approve, approve)
        : customId.StartsWith(DiscordAlertRenderer.RejectCustomIdPrefix, StringComparison.Ordinal)
            && Domain.EventId.TryParse(customId[DiscordAlertRenderer.RejectCustomIdPrefix.Length..], out var reject) ? new CurateCommand(CurationDecision.Reject, reject)
        : null;

    private async Task<InteractionReply> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var (_, _, focused) = CommandOptions.Read(interaction.Data);
        var choices = focused is null ? [] : await autocomplete.SuggestAsync(focused.Name, CommandOptions.Text(focused.Value), cancellationToken);
        return new InteractionReply(200, JsonSerializer.Serialize(new AutocompleteInteractionResponse(new AutocompleteChoices(choices)), InteractionJsonContext.Default.AutocompleteInteractionResponse));
    }

    private async Task<InteractionReply> AnswerAsync(Interaction interaction, BorderCommand command, CancellationToken cancellationToken)
    {
        // The budget runs from now, before the answer starts. The answer may outlive this request (it completes the
        // deferred response), so it does not take the request's token.
        var budget = Task.Delay(options.Value.AnswerBudget, timeProvider, cancellationToken);
        var answering = answerer.AnswerAsync(command, Caller(interaction), CancellationToken.None);
        await Task.WhenAny(answering, budget);
        if (answering.IsCompletedSuccessfully && DiscordAnswerRenderer.Render(answering.Result) is [{ Files.Count: 0 } only])
        {
            return Json(new MessageInteractionResponse(MessageInteractionResponse.ChannelMessage, only.Payload));
        }

        // Slow, or with a chart to upload: acknowledge now, complete @original when ready (§1.4).
        var isPrivate = answering.IsCompletedSuccessfully ? answering.Result.IsPrivate : command is HelpCommand or WhyCommand or SubscriptionsCommand;
        var deferred = new MessagePayload { AllowedMentions = AllowedMentions.None, Flags = isPrivate ? Ephemeral : null };
        return Json(new MessageInteractionResponse(MessageInteractionResponse.Deferred, deferred), ct => CompleteAsync(interaction, answering, ct));
    }

    private async Task CompleteAsync(Interaction interaction, Task<Answer> answering, CancellationToken cancellationToken)
    {
        Answer answer;
        try
        {
            answer = await answering;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception, interaction.Type);
            answer = Answer.Problem("Something went wrong on our side; try again in a moment.");
        }

        var messages = DiscordAnswerRenderer.Render(answer);
        var applicationId = interaction.ApplicationId.Length > 0 ? interaction.ApplicationId : options.Value.ApplicationId;
        var first = await webhooks.EditOriginalAsync(applicationId, interaction.Token, messages[0].Payload with { Flags = null }, messages[0].Files, cancellationToken);
        if (!first.IsSuccess)
        {
            Log.FollowUpFailed(logger, first.Describe());
            return;
        }

        foreach (var message in messages.Skip(1))
        {
            await webhooks.FollowUpAsync(applicationId, interaction.Token, message.Payload, message.Files, cancellationToken);
        }
    }

    private static CommandCaller Caller(Interaction interaction)
    {
        var user = interaction.Invoker;
        var channel = new DeliveryTarget(TargetKind.DiscordChannel, interaction.ChannelId ?? string.Empty);
        return new CommandCaller(channel, user?.Id ?? string.Empty, user?.GlobalName ?? user?.Username ?? user?.Id ?? "someone",
            new DiscordMemberPermissions(interaction.Member?.Permissions));
    }

    private static InteractionReply Message(Answer answer) =>
        Json(new MessageInteractionResponse(MessageInteractionResponse.ChannelMessage, DiscordAnswerRenderer.Render(answer)[0].Payload));

    private static InteractionReply Json(MessageInteractionResponse response, Func<CancellationToken, Task>? then = null) =>
        new(200, JsonSerializer.Serialize(response, InteractionJsonContext.Default.MessageInteractionResponse), then);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Refused an interaction: its signature is {Verdict}")]
        public static partial void Refused(ILogger logger, SignatureVerdict verdict);

        [LoggerMessage(2, LogLevel.Error, "Answering an interaction of type {Type} failed")]
        public static partial void Failed(ILogger logger, Exception exception, int type);

        [LoggerMessage(3, LogLevel.Warning, "Completing a deferred interaction answer failed: {Response}")]
        public static partial void FollowUpFailed(ILogger logger, string response);
    }
}
