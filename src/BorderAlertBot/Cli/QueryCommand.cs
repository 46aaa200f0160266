using System.CommandLine;
using BorderAlertBot.Answers;
using BorderAlertBot.Commands;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Cli;

/// <summary>
/// <c>query [--at TIME] [--out DIR] WORDS…</c>: runs a <c>/border</c> subcommand from the command line, read by the same
/// grammar and answered by the same code as in a channel (<c>query latest clash CN-MM 5</c>, <c>query summary 30d</c>).
/// </summary>
public static class QueryCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var words = new Argument<string[]>("words") { Description = "The subcommand and its arguments, as typed after /border (e.g. latest clash CN-MM 5).", Arity = ArgumentArity.OneOrMore };
        var at = new Option<string?>("--at") { Description = "Answer as of this time (ISO 8601, e.g. 2024-01-15T00:00Z) instead of now: the sample scenario is from 2023–24." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the answer's chart (PNG) into this folder." };
        var channel = new Option<string>("--channel")
        {
            Description = "The channel the command comes from, for subscribe, subscriptions, why, digest, mute and unmute (a target as in subscriptions add).",
            DefaultValueFactory = _ => "console:default",
        };
        var command = new Command("query", "Ask what a channel can ask with /border, as the operator: latest, summary, event, search, crossings, why, subscribe, subscriptions, unsubscribe, digest, mute, unmute, help.")
        {
            words, at, output, channel,
        };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var (atOk, asOf) = await AnswerOutput.TryReadAtAsync(parseResult.GetValue(at), environment);
            if (!atOk)
            {
                return ExitCodes.InvalidConfiguration;
            }

            if (!DeliveryTarget.TryParse(parseResult.GetValue(channel)!, out var target, out var targetError))
            {
                await environment.Error.WriteLineAsync($"--channel: {targetError}.");
                return ExitCodes.InvalidConfiguration;
            }

            // The shell has already split quoted words: quote again any that holds a space, so the grammar sees it whole.
            var text = string.Join(' ', parseResult.GetValue(words)!.Select(word => word.Contains(' ', StringComparison.Ordinal) ? $"\"{word}\"" : word));
            var result = services.GetRequiredService<CommandParser>().Parse(text);
            if (result is not CommandParseResult.Parsed { Command: var parsedCommand })
            {
                await environment.Error.WriteLineAsync(((CommandParseResult.Invalid)result).Error.Message); // The message names the option, what is valid, and any suggestion.
                return ExitCodes.InvalidConfiguration;
            }

            var answerer = services.GetRequiredService<CommandAnswerer>();
            var caller = CommandCaller.Operator(target!); // TryParse gave a target.
            var answer = asOf is { } moment ? await answerer.AnswerAsync(parsedCommand, caller, moment, ct) : await answerer.AnswerAsync(parsedCommand, caller, ct);
            await AnswerOutput.WriteAsync(answer, parseResult.GetValue(output), environment, ct);
            return answer.IsProblem ? ExitCodes.Failed : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
