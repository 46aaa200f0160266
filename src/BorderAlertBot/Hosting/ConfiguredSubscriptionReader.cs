using System.Globalization;
using System.Text.RegularExpressions;
using BorderAlertBot.Commands;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Hosting;

/// <summary>
/// Reads <see cref="ConfiguredSubscriptionsOptions"/> with the same parser as <c>/border subscribe</c>. Each problem names
/// its configuration key; a target is never echoed, since a webhook URL is a secret.
/// </summary>
public sealed partial class ConfiguredSubscriptionReader(CommandParser parser)
{
    public IReadOnlyList<ConfiguredSubscription> Read(ConfiguredSubscriptionsOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var read = new List<ConfiguredSubscription>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Configured.Count; i++)
        {
            var entry = options.Configured[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{ConfiguredSubscriptionsOptions.SectionName}:Configured:{i}");
            var before = problems.Count;
            if (!NamePattern().IsMatch(entry.Name ?? string.Empty))
            {
                problems.Add($"{key}:Name: give each subscription a name of lower-case letters, digits and hyphens (up to 40), such as newsdesk-webhook");
            }
            else if (entry.Name == ConfiguredSubscription.CurationQueueName)
            {
                problems.Add($"{key}:Name: '{entry.Name}' is the curators' channel's own name (set it with Curation:QueueTarget); choose another");
            }
            else if (!names.Add(entry.Name!))
            {
                problems.Add($"{key}:Name: '{entry.Name}' is used twice; each configured subscription needs its own name");
            }

            if (!DeliveryTarget.TryParse(entry.Target ?? string.Empty, out var target, out var targetError))
            {
                problems.Add($"{key}:Target: {targetError}");
            }
            else if (PlatformTargets.Problem(target!) is { } platformError)
            {
                problems.Add($"{key}:Target: {platformError}");
            }

            var parsed = parser.Parse("subscribe " + (entry.Filter ?? string.Empty));
            if (parsed is CommandParseResult.Invalid invalid)
            {
                problems.Add($"{key}:Filter: {invalid.Error.Message}");
            }

            if (problems.Count == before && parsed is CommandParseResult.Parsed { Command: SubscribeCommand subscribe })
            {
                read.Add(new ConfiguredSubscription(entry.Name!, target!, subscribe));
            }
        }

        return read;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}
