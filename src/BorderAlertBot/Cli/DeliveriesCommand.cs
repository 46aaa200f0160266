using System.CommandLine;
using BorderAlertBot.Delivery;
using BorderAlertBot.Subscriptions;
using EventId = BorderAlertBot.Domain.EventId;

namespace BorderAlertBot.Cli;

/// <summary><c>deliveries explain --event ID --subscription ID</c>: why a subscription did or did not get an alert.</summary>
public static class DeliveriesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var eventOption = new Option<string>("--event") { Description = "The event id.", Required = true };
        var subscriptionOption = new Option<string>("--subscription") { Description = "The subscription id.", Required = true };
        var explain = new Command("explain", "Why a subscription did or did not get an event's alert, step by step.") { eventOption, subscriptionOption };
        explain.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var eventText = parseResult.GetValue(eventOption);
            var subscriptionText = parseResult.GetValue(subscriptionOption);
            if (!EventId.TryParse(eventText, out var eventId) || !SubscriptionId.TryParse(subscriptionText, out var subscriptionId))
            {
                await environment.Error.WriteLineAsync($"Expected an event id like evt_laukkai_surrender_2024 and a subscription id like sub_7k2m9qx4pa; got '{eventText}' and '{subscriptionText}'.");
                return ExitCodes.InvalidConfiguration;
            }

            var (explanation, error) = await services.GetRequiredService<DeliveryExplainer>().ExplainAsync(eventId, subscriptionId, ct);
            if (explanation is null)
            {
                await environment.Error.WriteLineAsync(error);
                return ExitCodes.Failed;
            }

            var (conflictEvent, subscription, _) = explanation;
            await environment.Output.WriteLineAsync($"{eventId} (revision {conflictEvent.Revision.Number}, {conflictEvent.Status}) for {subscriptionId} → {subscription.Target.Display}:");
            foreach (var line in DeliveryExplanationText.Lines(explanation))
            {
                await environment.Output.WriteLineAsync("  " + line);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        var command = new Command("deliveries", "Look at what was delivered and why.");
        command.Subcommands.Add(explain);
        return command;
    }
}
