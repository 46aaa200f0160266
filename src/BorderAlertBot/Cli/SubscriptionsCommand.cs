using System.CommandLine;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Cli;

/// <summary><c>subscriptions list|add|remove|pause|resume|mute|unmute</c>.</summary>
public static class SubscriptionsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("subscriptions", "Manage who gets which alerts.");
        command.Subcommands.Add(List(environment));
        command.Subcommands.Add(SubscriptionAddCommand.Create(environment));
        command.Subcommands.Add(Remove(environment));
        command.Subcommands.Add(Change(environment, "pause", "Stop delivering to a subscription; alerts wait until it is resumed.", (subscription, parseResult, reason, now) =>
            subscription with { Paused = new PauseState(reason ?? "paused by an operator", now) }));
        command.Subcommands.Add(Change(environment, "resume", "Deliver again, starting with the alerts that waited.", (subscription, _, _, _) =>
            subscription with { Paused = null }));
        command.Subcommands.Add(Mute(environment));
        command.Subcommands.Add(Unmute(environment));
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var command = new Command("list", "Every subscription, with its filters and state (paused ones say why).");
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var subscriptions = await services.GetRequiredService<ISubscriptionStore>().ListAsync(ct);
            foreach (var subscription in subscriptions)
            {
                await environment.Output.WriteLineAsync(SubscriptionDescription.Full(subscription, now));
            }

            await environment.Output.WriteLineAsync($"{subscriptions.Count} subscription{(subscriptions.Count == 1 ? string.Empty : "s")}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliEnvironment environment)
    {
        var id = IdArgument();
        var command = new Command("remove", "Delete a subscription. Alerts already sent stay in the channel.") { id };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            if (!TryParseId(parseResult.GetValue(id), environment, out var subscriptionId))
            {
                return ExitCodes.InvalidConfiguration;
            }

            if (!await services.GetRequiredService<ISubscriptionStore>().RemoveAsync(subscriptionId, ct))
            {
                await environment.Error.WriteLineAsync($"No subscription {subscriptionId}. Try: subscriptions list.");
                return ExitCodes.Failed;
            }

            await environment.Output.WriteLineAsync($"Removed {subscriptionId}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Mute(CliEnvironment environment)
    {
        var id = IdArgument();
        var duration = new Option<string>("--for") { Description = "How long: 30m, 8h, 2d, 1h30m.", Required = true };
        var command = new Command("mute", "Hold alerts below the break-through severity; they go out as one batch when the mute ends.") { id, duration };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            if (!DurationText.TryParse(parseResult.GetValue(duration), out var span) || span <= TimeSpan.Zero)
            {
                await environment.Error.WriteLineAsync($"--for '{parseResult.GetValue(duration)}' is not a duration: use 30m, 8h, 2d or 1h30m.");
                return ExitCodes.InvalidConfiguration;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            return await UpdateAsync(services, environment, parseResult.GetValue(id), subscription => subscription with { MutedUntil = now + span }, ct);
        }, cancellationToken));
        return command;
    }

    private static Command Change(CliEnvironment environment, string name, string description, Func<Subscription, ParseResult, string?, DateTimeOffset, Subscription> change)
    {
        var id = IdArgument();
        var reason = new Option<string?>("--reason") { Description = "Why (shown in the list)." };
        var command = new Command(name, description) { id };
        if (name == "pause")
        {
            command.Options.Add(reason);
        }

        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            return await UpdateAsync(services, environment, parseResult.GetValue(id), subscription => change(subscription, parseResult, parseResult.GetValue(reason), now), ct);
        }, cancellationToken));
        return command;
    }

    private static Command Unmute(CliEnvironment environment)
    {
        var id = IdArgument();
        var command = new Command("unmute", "End a mute; held alerts go out at once, as one batch.") { id };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, (services, ct) =>
            ApplyAsync(services, environment, parseResult.GetValue(id), subscription => services.GetRequiredService<HeldAlerts>().UnmuteAsync(subscription, ct), ct),
            cancellationToken));
        return command;
    }

    private static Task<int> UpdateAsync(IServiceProvider services, CliEnvironment environment, string? text, Func<Subscription, Subscription> change, CancellationToken cancellationToken) =>
        ApplyAsync(services, environment, text, async subscription =>
        {
            var changed = change(subscription);
            await services.GetRequiredService<ISubscriptionStore>().UpdateAsync(changed, cancellationToken);
            return changed;
        }, cancellationToken);

    /// <summary>Finds the subscription, applies the change (which stores it) and prints the result.</summary>
    private static async Task<int> ApplyAsync(IServiceProvider services, CliEnvironment environment, string? text, Func<Subscription, Task<Subscription>> apply, CancellationToken cancellationToken)
    {
        if (!TryParseId(text, environment, out var subscriptionId))
        {
            return ExitCodes.InvalidConfiguration;
        }

        var store = services.GetRequiredService<ISubscriptionStore>();
        if (await store.TryGetAsync(subscriptionId, cancellationToken) is not { } subscription)
        {
            await environment.Error.WriteLineAsync($"No subscription {subscriptionId}. Try: subscriptions list.");
            return ExitCodes.Failed;
        }

        var changed = await apply(subscription);
        await environment.Output.WriteLineAsync(SubscriptionDescription.Full(changed, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        return ExitCodes.Success;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The subscription id, e.g. sub_7k2m9qx4pa." };

    private static bool TryParseId(string? text, CliEnvironment environment, out SubscriptionId id)
    {
        if (SubscriptionId.TryParse(text, out id))
        {
            return true;
        }

        environment.Error.WriteLine($"'{text}' is not a subscription id: ids look like sub_7k2m9qx4pa (see subscriptions list).");
        return false;
    }
}
