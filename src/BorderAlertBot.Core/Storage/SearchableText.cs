using System.Runtime.CompilerServices;
using System.Text;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Storage;

/// <summary>
/// What full-text search reads of an event (title, summary, place, actors) and how a user's search text becomes terms,
/// the same for every store: a term is a run of letters or digits, so quotes, operators and column names in user text are
/// never read as query syntax; every term must match, as a word prefix.
/// </summary>
public static class SearchableText
{
    /// <summary>At most this many terms are taken from a search.</summary>
    public const int MaxTerms = 16;

    /// <summary>What search reads of <paramref name="conflictEvent"/>.</summary>
    public static SearchableFields Of(ConflictEvent conflictEvent) =>
        new(conflictEvent.Title, conflictEvent.Summary, Place(conflictEvent.Location), Actors(conflictEvent));

    private const string Separator = " ; ";

    /// <summary>The place and every admin area above it, then the country code.</summary>
    public static string Place(Location? location) =>
        location is null ? string.Empty : Join(location.Place, location.Admin3, location.Admin2, location.Admin1, location.CountryCode);

    /// <summary>Every actor's name as reported and its short form.</summary>
    public static string Actors(ConflictEvent conflictEvent)
    {
        // Built in a pooled buffer rather than by LINQ: an import computes this for every one of a million events.
        var text = new DefaultInterpolatedStringHandler(0, 0);
        var actors = conflictEvent.Actors;
        for (var i = 0; i < actors.Count; i++) // By index: a foreach over the interface allocates an enumerator.
        {
            var actor = actors[i];
            Append(ref text, actor.Name);
            Append(ref text, actor.ShortName);
        }

        return text.ToStringAndClear();
    }

    /// <summary>The words of a user's search text, at most <see cref="MaxTerms"/>; none when it has no letter or digit.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            terms.Add(word.ToString());
        }

        return terms.Count > MaxTerms ? terms[..MaxTerms] : terms;
    }

    /// <summary>The parts that are present, separated by <see cref="Separator"/>.</summary>
    private static string Join(params ReadOnlySpan<string?> parts)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0);
        foreach (var part in parts)
        {
            if (part is not null)
            {
                Append(ref text, part);
            }
        }

        return text.ToStringAndClear();
    }

    private static void Append(ref DefaultInterpolatedStringHandler text, string part)
    {
        if (text.Text.Length > 0)
        {
            text.AppendLiteral(Separator);
        }

        text.AppendFormatted(part);
    }
}
