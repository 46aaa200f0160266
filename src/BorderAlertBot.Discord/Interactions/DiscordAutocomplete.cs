using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>
/// Suggestions while a user types an option (platforms/discord.md §1.2 type 4, answered with type 8): regions (borders,
/// countries, gazetteer places), kinds, IANA time zones and event ids. At most 25, names and values within 100
/// characters. Suggestions only help: the value the user sends is checked again like any other.
/// </summary>
public sealed class DiscordAutocomplete(Gazetteer gazetteer, IEventQueries queries)
{
    public const int MaxChoices = 25;

    private static readonly (string Value, string Name)[] Kinds =
    [
        ("clash", "clash — border clashes"), ("ceasefire", "ceasefire — ceasefire calls and talks"), ("trade", "trade — trade disruptions"),
    ];

    private static readonly Lazy<string[]> Zones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones(skipSorting: true).Select(zone => zone.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Append("UTC").Distinct().Order(StringComparer.Ordinal)]);

    public async Task<IReadOnlyList<AutocompleteChoice>> SuggestAsync(string option, string typed, CancellationToken cancellationToken)
    {
        // A list option (kinds:, regions:) completes its last item.
        var comma = typed.LastIndexOf(',');
        var before = comma < 0 ? string.Empty : typed[..(comma + 1)];
        var text = (comma < 0 ? typed : typed[(comma + 1)..]).Trim();
        IEnumerable<(string Value, string Name)> choices = option switch
        {
            "region" or "regions" => Regions(text),
            "kind" or "kinds" => Kinds.Where(kind => kind.Value.StartsWith(text, StringComparison.OrdinalIgnoreCase)),
            "timezone" => TimeZones(text),
            "id" => await EventsAsync(text, cancellationToken),
            _ => [],
        };
        return [.. choices
            .Select(choice => (Value: before + choice.Value, choice.Name))
            .Where(choice => choice.Value.Length <= 100)
            .Take(MaxChoices)
            .Select(choice => new AutocompleteChoice(Fit(choice.Name), choice.Value))];
    }

    private IEnumerable<(string, string)> Regions(string text)
    {
        var fixedRegions = new[] { ("CN-MM", "CN-MM — the Myanmar–China border"), ("MM", "MM — Myanmar"), ("CN", "CN — China") };
        var places = gazetteer.Entries.Select(entry => (entry.Slug, $"{entry.Name} ({entry.Slug})"));
        return fixedRegions.Concat(places)
            .Where(region => text.Length == 0
                || region.Item1.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || region.Item2.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<(string, string)> TimeZones(string text) =>
        Zones.Value
            .Where(zone => zone.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(zone => zone.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(zone => zone == "Asia/Yangon" ? 0 : 1)
            .Select(zone => (zone, zone));

    private async Task<IEnumerable<(string, string)>> EventsAsync(string text, CancellationToken cancellationToken)
    {
        var verified = new EventFilter { Statuses = [EventStatus.Verified] };
        var found = text.Length < 2 || text.StartsWith("evt_", StringComparison.OrdinalIgnoreCase)
            ? (await queries.LatestAsync(verified, 200, cancellationToken)).Where(e => e.Id.Value.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            : await queries.SearchAsync(text, verified, MaxChoices, cancellationToken);
        return found.Select(e => (e.Id.Value, $"{e.Title} · {e.Occurred.Describe()}"));
    }

    private static string Fit(string name) => name.Length <= 100 ? name : string.Concat(name.AsSpan(0, 99), "…");
}
