using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Matching;

/// <summary>
/// The keyword and actor filters of a set of subscriptions, each distinct word (ignoring case) numbered once, so an event
/// is searched for each word at most once however many subscriptions ask for it. Decides exactly as
/// <see cref="SubscriptionFilter.MatchesText"/> does.
/// </summary>
internal sealed class TextFilters
{
    private readonly string[] _words;

    // Per subscription that has any, from its offset: the keyword count, the actor count, then the word numbers, all
    // in one array, so the filters of the subscriptions an event reaches are read without chasing objects.
    private readonly int[] _filters;

    private TextFilters(string[] words, int[] filters)
    {
        _words = words;
        _filters = filters;
    }

    public int WordCount => _words.Length;

    /// <summary>Numbers the words of every subscription; <paramref name="offsets"/> gets each one's offset, or -1 when it has none.</summary>
    public static TextFilters Build(IReadOnlyList<Subscription> subscriptions, out int[] offsets)
    {
        // Keywords and actors are searched for in different places, so the same word is numbered once as each.
        var numbers = new Dictionary<(string Word, bool IsActor), int>(new WordComparer());
        var filters = new List<int>();
        offsets = new int[subscriptions.Count];
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var filter = subscriptions[i].Filter;
            if (filter.Keywords.Count == 0 && filter.Actors.Count == 0)
            {
                offsets[i] = -1;
                continue;
            }

            offsets[i] = filters.Count;
            filters.Add(filter.Keywords.Count);
            filters.Add(filter.Actors.Count);
            filters.AddRange(filter.Keywords.Select(keyword => Number(numbers, keyword, isActor: false)));
            filters.AddRange(filter.Actors.Select(actor => Number(numbers, actor, isActor: true)));
        }

        var words = new string[numbers.Count];
        foreach (var ((word, _), number) in numbers)
        {
            words[number] = word;
        }

        return new TextFilters(words, [.. filters]);
    }

    /// <summary>Whether the event passes the keywords and actors of the subscription whose filters start at <paramref name="offset"/>.</summary>
    public bool Passes(int offset, ConflictEvent conflictEvent, Memo memo)
    {
        var keywords = _filters.AsSpan(offset + 2, _filters[offset]);
        var actors = _filters.AsSpan(offset + 2 + keywords.Length, _filters[offset + 1]);
        return (keywords.Length == 0 || AnyFound(keywords, conflictEvent, memo, isActor: false))
            && (actors.Length == 0 || AnyFound(actors, conflictEvent, memo, isActor: true));
    }

    private bool AnyFound(ReadOnlySpan<int> words, ConflictEvent conflictEvent, Memo memo, bool isActor)
    {
        foreach (var word in words)
        {
            if (!memo.TryGet(word, out var found))
            {
                found = isActor
                    ? SubscriptionFilter.Involves(conflictEvent, _words[word])
                    : SubscriptionFilter.Mentions(conflictEvent, memo.PlaceOf(conflictEvent), _words[word]);
                memo.Set(word, found);
            }

            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private static int Number(Dictionary<(string Word, bool IsActor), int> numbers, string word, bool isActor)
    {
        if (!numbers.TryGetValue((word, isActor), out var number))
        {
            numbers[(word, isActor)] = number = numbers.Count;
        }

        return number;
    }

    /// <summary>Words equal ignoring case are searched for with the same result, so they share a number.</summary>
    private sealed class WordComparer : IEqualityComparer<(string Word, bool IsActor)>
    {
        public bool Equals((string Word, bool IsActor) x, (string Word, bool IsActor) y) =>
            x.IsActor == y.IsActor && string.Equals(x.Word, y.Word, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Word, bool IsActor) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Word), obj.IsActor);
    }

    /// <summary>What one event has shown so far: each word's verdict, and its location described once.</summary>
    public sealed class Memo
    {
        private int[] _stamps = [];
        private bool[] _found = [];
        private int _stamp;
        private string? _place;
        private bool _placeKnown;

        /// <summary>Forgets the previous event.</summary>
        public void Reset(int wordCount)
        {
            if (_stamps.Length < wordCount)
            {
                _stamps = new int[wordCount];
                _found = new bool[wordCount];
                _stamp = 0;
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_stamps);
                _stamp = 1;
            }

            _place = null;
            _placeKnown = false;
        }

        public bool TryGet(int word, out bool found)
        {
            found = _found[word];
            return _stamps[word] == _stamp;
        }

        public void Set(int word, bool found)
        {
            _stamps[word] = _stamp;
            _found[word] = found;
        }

        public string? PlaceOf(ConflictEvent conflictEvent)
        {
            if (!_placeKnown)
            {
                _place = conflictEvent.Location?.Describe();
                _placeKnown = true;
            }

            return _place;
        }
    }
}
