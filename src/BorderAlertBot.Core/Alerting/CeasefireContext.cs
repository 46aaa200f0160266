using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Alerting;

/// <summary>
/// Marks a clash that follows a ceasefire agreed in its region within the last N days as a possible violation. "Its
/// region": the same border pair, the same state or region (admin1), or a party to the ceasefire among the clash's actors.
/// </summary>
public sealed class CeasefireContext(IEventQueries queries)
{
    public async Task<string?> NoteForAsync(ConflictEvent clash, int days, CancellationToken cancellationToken)
    {
        if (clash.Kind != EventKind.BorderClash || days <= 0)
        {
            return null;
        }

        var ceasefires = await queries.LatestAsync(
            new EventFilter
            {
                Kinds = [EventKind.CeasefireCall],
                Statuses = [EventStatus.Verified],
                From = clash.Occurred.At.AddDays(-days),
                To = clash.Occurred.At.AddTicks(1),
            },
            50,
            cancellationToken);
        var agreed = ceasefires.FirstOrDefault(ceasefire => ceasefire.Subtype == EventSubtype.CeasefireAgreed && SameRegion(ceasefire, clash));
        return agreed is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"possible ceasefire violation: a ceasefire was agreed on {agreed.Occurred.At:yyyy-MM-dd} ({agreed.Title}, {agreed.Id})");
    }

    private static bool SameRegion(ConflictEvent ceasefire, ConflictEvent clash)
    {
        if (ceasefire.Border is { } pair && clash.Border?.Pair == pair.Pair)
        {
            return true;
        }

        if (ceasefire.Location?.Admin1 is { } admin1 && string.Equals(admin1, clash.Location?.Admin1, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parties = ceasefire.Actors.Select(actor => actor.ShortName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return clash.Actors.Any(actor => parties.Contains(actor.ShortName));
    }
}
