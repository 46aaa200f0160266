using System.Globalization;
using System.Text;
using BorderAlertBot.Discord.Wire;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>
/// A field whose value is a list (already markdown: escaped text, our links), cut to whatever room it gets: whole items
/// only, then "… and N more" (or, with <paramref name="KeepLast"/>, "… N earlier" and the last items).
/// </summary>
internal sealed record FieldDraft(string Name, IReadOnlyList<string> Items, string Separator, bool Inline = false, bool KeepLast = false)
{
    private const string Nothing = "—";

    public int NameLength => DiscordLimits.Length(Name);

    /// <summary>The value with every item, or as many as fit a field.</summary>
    public string NaturalValue => Value(DiscordLimits.FieldValueLength);

    public EmbedField ToField(int maxValue) => new(Name, Value(maxValue), Inline);

    private string Value(int max)
    {
        max = Math.Clamp(max, 1, DiscordLimits.FieldValueLength);
        var all = DiscordMarkdown.Truncate(string.Join(Separator, Items), int.MaxValue);
        if (all.Length == 0)
        {
            return Nothing;
        }

        if (DiscordLimits.Length(all) <= max)
        {
            return all;
        }

        var ordered = KeepLast ? Items.Reverse().ToList() : [.. Items];
        var kept = new List<string>();
        foreach (var item in ordered)
        {
            var left = ordered.Count - kept.Count - 1;
            var candidate = Join([.. kept, item], left);
            if (DiscordLimits.Length(candidate) > max)
            {
                break;
            }

            kept.Add(item);
        }

        var value = kept.Count > 0 ? Join(kept, ordered.Count - kept.Count) : DiscordMarkdown.Truncate(string.Create(CultureInfo.InvariantCulture, $"… ({Items.Count} not shown)"), max);
        return value.Length == 0 ? Nothing : value;
    }

    private string Join(List<string> kept, int left)
    {
        var text = new StringBuilder();
        if (KeepLast)
        {
            kept = [.. Enumerable.Reverse(kept)];
            if (left > 0)
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $"… {left} earlier")).Append(Separator);
            }
        }

        text.AppendJoin(Separator, kept);
        if (!KeepLast && left > 0)
        {
            text.Append(Separator).Append(More(left));
        }

        return text.ToString().Trim();
    }

    private string More(int left) => KeepLast
        ? string.Create(CultureInfo.InvariantCulture, $"… {left} earlier")
        : string.Create(CultureInfo.InvariantCulture, $"… and {left} more");
}
