using System.Collections.Concurrent;
using System.Globalization;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Alerting;

/// <summary>
/// Marks a clash that follows a ceasefire agreed in its region within the last N days as a possible violation. "Its
/// region": the same border pair, the same state or region (admin1), or a party to the ceasefire among the clash's actors.
/// One clash goes to many channels, so the note is worked out once per revision and remembered (the most recent
/// <see cref="RememberedNotes"/> of them): a channel sent the alert later gets the note the first one got.
/// </summary>
public sealed class CeasefireContext(IEventQueries queries)
{
    public const int RememberedNotes = 1_024;

    private readonly ConcurrentDictionary<(EventId Id, int Revision, int Days), string?> _notes = new();
    private readonly ConcurrentQueue<(EventId Id, int Revision, int Days)> _order = new();

    public async Task<string?> NoteForAsync(ConflictEvent clash, int days, CancellationToken cancellationToken)
    {
        if (clash.Kind != EventKind.BorderClash || days <= 0)
        {
            return null;
        }

        var key = (clash.Id, clash.Revision.Number, days);
        if (_notes.TryGetValue(key, out var remembered))
        {
            return remembered;
        }

        var note = await WorkOutAsync(clash, days, cancellationToken);
        if (_notes.TryAdd(key, note))
        {
            _order.Enqueue(key);
            while (_order.Count > RememberedNotes && _order.TryDequeue(out var oldest))
            {
                _notes.TryRemove(oldest, out _);
            }
        }

        return note;
    }

    private async Task<string?> WorkOutAsync(ConflictEvent clash, int days, CancellationToken cancellationToken)
    {
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
