using System.Reflection;
using System.Text.RegularExpressions;
using BorderAlertBot.Domain;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Tests.Architecture;

/// <summary>
/// Structured logs with stable event ids (issue 9): every log line of ours comes from a <c>[LoggerMessage]</c> with an
/// event id that is unique within its category (the class that logs), and the README's table of the events an operator
/// watches for names real ones, with their levels.
/// </summary>
public sealed partial class LoggingConventionTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Program).Assembly, typeof(ConflictEvent).Assembly, typeof(Ingestion.SampleScenario).Assembly, typeof(Store.Sqlite.SqliteEventStore).Assembly, typeof(Store.Postgres.PostgresEventStore).Assembly,
        typeof(Charts.EventsPerDayChart).Assembly, typeof(BorderAlertBot.Discord.DiscordOptions).Assembly, typeof(BorderAlertBot.Slack.SlackOptions).Assembly,
    ];

    [Fact]
    public void Every_log_message_has_a_positive_event_id_unique_within_its_category()
    {
        var messages = Messages().ToList();
        var clashes = messages.GroupBy(message => (message.Category, message.Attribute.EventId)).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.Category} event {group.Key.EventId}: {string.Join(", ", group.Select(message => message.Method))}").ToList();

        Assert.True(messages.Count > 50, $"only {messages.Count} [LoggerMessage] methods found");
        Assert.All(messages, message => Assert.True(message.Attribute.EventId > 0, $"{message.Category}.{message.Method} has no event id"));
        Assert.Empty(clashes);
    }

    [Fact]
    public void The_readmes_table_of_log_events_names_real_events_with_their_levels()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var rows = LogTableRow().Matches(readme).Select(row => (Category: "BorderAlertBot." + row.Groups["category"].Value, Id: int.Parse(row.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), Level: row.Groups["level"].Value)).ToList();
        var known = Messages().ToDictionary(message => (message.Category, message.Attribute.EventId), message => message.Attribute.Level.ToString());

        Assert.True(rows.Count >= 10, $"the README lists {rows.Count} log events");
        Assert.All(rows, row => Assert.True(known.TryGetValue((row.Category, row.Id), out var level) && level == row.Level, $"{row.Category} {row.Id} {row.Level} is not an event of ours"));
    }

    /// <summary>Every [LoggerMessage] method, with its category: the class whose logger it is given (the outer class of the nested Log).</summary>
    private static IEnumerable<(string Category, string Method, LoggerMessageAttribute Attribute)> Messages() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select ((type.DeclaringType ?? type).FullName!, method.Name, attribute);

    [GeneratedRegex(@"^\| `(?<category>[A-Za-z.]+)` \| (?<id>\d+) \| (?<level>Trace|Debug|Information|Warning|Error|Critical) \|", RegexOptions.Multiline)]
    private static partial Regex LogTableRow();
}
