using System.Globalization;
using System.Text;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Alerting;

/// <summary>Renders an alert as plain text laid out the way the chat message will look: headline, facts, figures, sources.</summary>
public static class AlertTextRenderer
{
    /// <summary>An entry of a message: the event as <see cref="Render(ConflictEvent, AlertKind)"/> shows it, then its notes.</summary>
    public static string Render(Delivery.AlertEntry entry)
    {
        var text = Render(entry.Event, entry.Kind);
        return entry.Notes.Count == 0 ? text : text + "\n" + string.Join("\n", entry.Notes.Select(note => "⚠ " + note));
    }

    public static string Render(ConflictEvent conflictEvent, AlertKind kind)
    {
        var text = new StringBuilder();
        var severity = conflictEvent.Severity.Effective;
        var banner = kind switch
        {
            AlertKind.Updated => "UPDATED · ",
            AlertKind.Retracted => Withdrawal.Banner(conflictEvent),
            _ => string.Empty,
        };
        text.Append(CultureInvariant($"[{severity.ToString().ToUpperInvariant()} {(int)severity}/5] {banner}{Humanize(conflictEvent.Kind)} · {Humanize(conflictEvent.Subtype)}"));
        text.AppendLine();
        text.AppendLine(kind == AlertKind.Retracted ? $"~~{conflictEvent.Title}~~" : conflictEvent.Title);
        if (kind == AlertKind.Retracted)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Withdrawal.Word(conflictEvent)}: {Withdrawal.Reason(conflictEvent)}");
        }

        var where = conflictEvent.Location?.Describe() ?? "no location";
        var border = conflictEvent.Border is { } position
            ? position.DistanceKm is { } km ? string.Create(CultureInfo.InvariantCulture, $" · {position.Pair} border, {km:0.#} km") : $" · {position.Pair} border"
            : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"{where}{border} · {conflictEvent.Occurred.Describe()}");
        if (conflictEvent.Summary.Length > 0)
        {
            text.AppendLine(conflictEvent.Summary);
        }

        if (conflictEvent.Figures.Count > 0)
        {
            text.AppendLine("Figures: " + string.Join("; ", conflictEvent.Figures.Select(figure => figure.Describe())));
        }

        if (conflictEvent.Actors.Count > 0)
        {
            text.AppendLine("Actors: " + string.Join(", ", conflictEvent.Actors.Select(actor => actor.ShortName)));
        }

        if (kind == AlertKind.Updated && conflictEvent.Revision.Changes.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"What changed (revision {conflictEvent.Revision.Number}): {string.Join("; ", conflictEvent.Revision.Changes)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Sources ({conflictEvent.Corroboration}):");
        foreach (var source in conflictEvent.Sources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {source.Name}: {source.Url}");
        }

        if (conflictEvent.Severity.Override is { } curatorOverride)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Severity set by curator ({curatorOverride.Reason}); rules say {conflictEvent.Severity.Computed}.");
        }

        text.Append(CultureInfo.InvariantCulture, $"{conflictEvent.Id} · revision {conflictEvent.Revision.Number} · {conflictEvent.Status}");
        return text.ToString();
    }

    /// <summary>BorderClash → "Border clashes", TradeDisruption → "Trade disruptions".</summary>
    public static string Plural(EventKind kind)
    {
        var name = Humanize(kind);
        return name.EndsWith("sh", StringComparison.Ordinal) || name.EndsWith('s') ? name + "es" : name + "s";
    }

    /// <summary>BorderClash → "Border clash".</summary>
    public static string Humanize<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }

        return words.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
