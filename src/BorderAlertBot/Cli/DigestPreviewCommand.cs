using System.CommandLine;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Digests;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Cli;

/// <summary><c>digest preview --subscription ID [--at TIME] [--out DIR]</c>: a subscription's digest, printed, and its chart as a PNG.</summary>
public static class DigestPreviewCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var subscription = new Option<string>("--subscription") { Description = "The subscription id (sub_…), as in subscriptions list.", Required = true };
        var at = new Option<string?>("--at") { Description = "Preview the digest of the latest slot at or before this time (ISO 8601, e.g. 2023-11-03T01:00Z); now by default." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the digest's chart (PNG) into this folder." };
        var preview = new Command("preview", "Print the digest a subscription gets (or would get) at its latest slot, without sending it.") { subscription, at, output };
        preview.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var idText = parseResult.GetValue(subscription);
            if (!SubscriptionId.TryParse(idText, out var id))
            {
                await environment.Error.WriteLineAsync($"--subscription: '{idText}' is not a subscription id; ids look like sub_7k2m9qx4pa (see subscriptions list).");
                return ExitCodes.InvalidConfiguration;
            }

            var (atOk, asOf) = await AnswerOutput.TryReadAtAsync(parseResult.GetValue(at), environment);
            if (!atOk)
            {
                return ExitCodes.InvalidConfiguration;
            }

            if (await services.GetRequiredService<ISubscriptionStore>().TryGetAsync(id, ct) is not { } found)
            {
                await environment.Error.WriteLineAsync($"No subscription {id}. Try: subscriptions list.");
                return ExitCodes.Failed;
            }

            if (found.Digest is null)
            {
                await environment.Output.WriteLineAsync($"{id} has no digest set; this is the digest it would get daily at 00:00 UTC (/border digest sets one).");
            }

            var content = await services.GetRequiredService<DigestComposer>().PreviewAsync(found, asOf ?? services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            await AnswerOutput.WriteAsync(services.GetRequiredService<DigestRenderer>().Render(content), parseResult.GetValue(output), environment, ct);
            return ExitCodes.Success;
        }, cancellationToken));
        var command = new Command("digest", "Daily digests.");
        command.Subcommands.Add(preview);
        return command;
    }
}
