using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Cli;

/// <summary><c>subscriptions add</c>: every filter and delivery option of a subscription, each checked with a helpful error.</summary>
public static class SubscriptionAddCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var target = new Option<string>("--target") { Description = "console[:name] (default), discord-channel:ID, discord-webhook:URL, slack-channel:ID, slack-webhook:URL.", DefaultValueFactory = _ => "console:default" };
        var kinds = new Option<string[]>("--kind") { Description = "BorderClash, CeasefireCall, TradeDisruption (repeatable; default all).", AllowMultipleArgumentsPerToken = true };
        var subtypes = new Option<string[]>("--subtype") { Description = "e.g. AirStrike, CrossingClosed (repeatable).", AllowMultipleArgumentsPerToken = true };
        var regions = new Option<string[]>("--region") { Description = "MM, CN-MM, a place (muse) or a place with a radius (laiza~25km) (repeatable).", AllowMultipleArgumentsPerToken = true };
        var minSeverity = new Option<int>("--min-severity") { Description = "1 (Low) to 5 (Critical).", DefaultValueFactory = _ => 1 };
        var includePending = new Option<bool>("--include-pending") { Description = "Also alert on events not yet verified." };
        var keywords = new Option<string[]>("--keyword") { Description = "Only events whose title, summary or place mention one of these (repeatable).", AllowMultipleArgumentsPerToken = true };
        var actors = new Option<string[]>("--actor") { Description = "Only events involving one of these actors, e.g. MNDAA (repeatable).", AllowMultipleArgumentsPerToken = true };
        var window = new Option<string>("--group-window") { Description = "Events within this window go out as one message: 0, 30s, 5m.", DefaultValueFactory = _ => "0" };
        var updates = new Option<string>("--updates") { Description = "How revisions show: edit, reply, both or none.", DefaultValueFactory = _ => "edit" };
        var mention = new Option<string?>("--mention") { Description = "A role or user id to mention on severe alerts (never everyone/here/channel)." };
        var mentionAt = new Option<int>("--mention-at") { Description = "Mention at or above this severity.", DefaultValueFactory = _ => 4 };
        var quiet = new Option<string?>("--quiet") { Description = "Quiet hours, e.g. 22:00-07:00 (needs --timezone)." };
        var zone = new Option<string?>("--timezone") { Description = "IANA time zone for quiet hours, e.g. Asia/Yangon." };
        var by = new Option<string>("--by") { Description = "Who is subscribing.", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("add", "Subscribe a target to alerts.")
        {
            target, kinds, subtypes, regions, minSeverity, includePending, keywords, actors, window, updates, mention, mentionAt, quiet, zone, by,
        };
        command.SetAction((parseResult, cancellationToken) => CliHost.WithServicesAsync(environment, async (services, ct) =>
        {
            var problems = new List<string>();
            if (!DeliveryTarget.TryParse(parseResult.GetValue(target) ?? string.Empty, out var deliveryTarget, out var targetError))
            {
                problems.Add($"--target: {targetError}");
            }
            else if (Hosting.PlatformTargets.Problem(deliveryTarget!) is { } platformError)
            {
                problems.Add($"--target: {platformError}");
            }

            var gazetteer = services.GetRequiredService<Gazetteer>();
            var parsedRegions = new List<Region>();
            foreach (var text in parseResult.GetValue(regions) ?? [])
            {
                if (RegionParser.TryParse(text, gazetteer, out var region, out var regionError))
                {
                    parsedRegions.Add(region);
                }
                else
                {
                    problems.Add($"--region: {regionError}");
                }
            }

            var severity = parseResult.GetValue(minSeverity);
            if (severity is < 1 or > 5)
            {
                problems.Add("--min-severity must be 1 (Low) to 5 (Critical)");
            }

            if (!DurationText.TryParse(parseResult.GetValue(window) == "0" ? "0s" : parseResult.GetValue(window), out var groupWindow) || groupWindow > TimeSpan.FromHours(24))
            {
                problems.Add($"--group-window '{parseResult.GetValue(window)}' is not a duration up to 24h: use 0, 30s, 5m or 1h");
            }

            var updateMode = Names<UpdateMode>(parseResult.GetValue(updates), "--updates", problems).FirstOrDefault();
            var mentionRule = MentionOf(parseResult.GetValue(mention), parseResult.GetValue(mentionAt), problems);
            var quietHours = QuietOf(parseResult.GetValue(quiet), parseResult.GetValue(zone), problems);
            var filter = new SubscriptionFilter(
                Names<EventKind>(parseResult.GetValue(kinds), "--kind", problems),
                Names<EventSubtype>(parseResult.GetValue(subtypes), "--subtype", problems),
                parsedRegions,
                (Severity)Math.Clamp(severity, 1, 5),
                !parseResult.GetValue(includePending),
                [.. (parseResult.GetValue(keywords) ?? []).Where(keyword => keyword.Trim().Length > 0).Select(keyword => keyword.Trim())],
                [.. (parseResult.GetValue(actors) ?? []).Where(actor => actor.Trim().Length > 0).Select(actor => actor.Trim())]);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await environment.Error.WriteLineAsync(problem);
                }

                return ExitCodes.InvalidConfiguration;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var subscription = new Subscription(SubscriptionId.New(), deliveryTarget!, filter, groupWindow, updateMode, mentionRule, quietHours,
                MutedUntil: null, Paused: null, now, parseResult.GetValue(by) ?? Environment.UserName); // TryParse succeeded: no problems were reported.
            await services.GetRequiredService<ISubscriptionStore>().AddAsync(subscription, ct);
            await environment.Output.WriteLineAsync("Added " + SubscriptionDescription.Full(subscription, now));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static List<T> Names<T>(IEnumerable<string>? values, string option, List<string> problems)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in values ?? [])
        {
            if (Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
            {
                parsed.Add(Enum.Parse<T>(name));
            }
            else
            {
                problems.Add($"{option} '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
            }
        }

        return parsed;
    }

    private static List<T> Names<T>(string? value, string option, List<string> problems)
        where T : struct, Enum =>
        Names<T>(value is null ? [] : [value], option, problems);

    private static MentionRule? MentionOf(string? mention, int atOrAbove, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(mention))
        {
            return null;
        }

        var trimmed = mention.Trim().TrimStart('@');
        if (trimmed is "everyone" or "here" or "channel" || trimmed.Contains('!', StringComparison.Ordinal))
        {
            problems.Add("--mention: everyone, here and channel are never mentioned; name a role or user id");
            return null;
        }

        if (atOrAbove is < 1 or > 5)
        {
            problems.Add("--mention-at must be 1 (Low) to 5 (Critical)");
            return null;
        }

        return new MentionRule(trimmed, (Severity)atOrAbove);
    }

    private static QuietHours? QuietOf(string? span, string? zone, List<string> problems)
    {
        if (span is null)
        {
            return null;
        }

        var parts = span.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            problems.Add($"--quiet '{span}' is not a span like 22:00-07:00");
            return null;
        }

        if (zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add($"--timezone '{zone}' is not an IANA time zone such as Asia/Yangon or Europe/London");
            return null;
        }

        return new QuietHours(start, end, zone);
    }
}
