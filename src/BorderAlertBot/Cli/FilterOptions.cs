using System.CommandLine;
using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Cli;

/// <summary>The filter options shared by <c>events list</c> and <c>events search</c>, checked with helpful errors.</summary>
public sealed class FilterOptions
{
    private readonly Option<string[]> _kind = new("--kind") { Description = "BorderClash, CeasefireCall or TradeDisruption (repeatable).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _region = new("--region") { Description = "A country code (MM), a border pair (CN-MM) or a place or admin area name." };
    private readonly Option<string[]> _status = new("--status") { Description = "Pending, Verified, Rejected or Retracted (repeatable; default: all).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int?> _minSeverity = new("--min-severity") { Description = "1 (Low) to 5 (Critical)." };
    private readonly Option<string?> _since = new("--since") { Description = "Occurred on or after this date (yyyy-MM-dd)." };
    private readonly Option<string?> _until = new("--until") { Description = "Occurred before this date (yyyy-MM-dd)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_kind);
        command.Options.Add(_region);
        command.Options.Add(_status);
        command.Options.Add(_minSeverity);
        command.Options.Add(_since);
        command.Options.Add(_until);
    }

    public bool TryBuild(ParseResult parseResult, TextWriter error, out EventFilter filter)
    {
        filter = EventFilter.Everything;
        var problems = new List<string>();
        var kinds = ParseAll<EventKind>(parseResult.GetValue(_kind), "--kind", problems);
        var statuses = ParseAll<EventStatus>(parseResult.GetValue(_status), "--status", problems);
        var minSeverity = parseResult.GetValue(_minSeverity);
        if (minSeverity is not null and not (>= 1 and <= 5))
        {
            problems.Add("--min-severity must be 1 (Low) to 5 (Critical)");
        }

        var since = ParseDate(parseResult.GetValue(_since), "--since", problems);
        var until = ParseDate(parseResult.GetValue(_until), "--until", problems);
        var region = parseResult.GetValue(_region);
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            return false;
        }

        filter = new EventFilter
        {
            Kinds = kinds,
            Statuses = statuses,
            MinSeverity = minSeverity is { } s ? (Severity)s : null,
            Region = string.IsNullOrWhiteSpace(region) ? null : RegionFilter.Parse(region),
            From = since,
            To = until,
        };
        return true;
    }

    private static List<T>? ParseAll<T>(string[]? values, string option, List<string> problems)
        where T : struct, Enum
    {
        if (values is not { Length: > 0 })
        {
            return null;
        }

        var parsed = new List<T>();
        foreach (var value in values)
        {
            if (Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) is { } name)
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

    private static DateTimeOffset? ParseDate(string? value, string option, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        problems.Add($"{option} '{value}' is not a date like 2023-10-27");
        return null;
    }
}
