using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary>
/// The text form's shorthands: plain words given to options by what they look like, so <c>latest clash CN-MM 5</c> means
/// <c>latest kind:clash region:CN-MM limit:5</c>. The typed-options form never comes here.
/// </summary>
internal static class PositionalWords
{
    private static readonly Vocabulary[] SubscribeVocabularies =
    [
        new("kinds", KindWords.Closest, KindWords.Error),
        new("subtypes", SubtypeWords.Closest, SubtypeWords.Error),
        new("min-severity", SeverityWords.Closest, SeverityWords.Error),
    ];

    public static CommandError? Bind(SubcommandSyntax syntax, IReadOnlyList<string> words, CommandArguments args, Gazetteer gazetteer)
    {
        if (words.Count == 0)
        {
            return null;
        }

        switch (syntax.Name)
        {
            case SubcommandNames.Latest:
                return BindLatest(words, args, gazetteer);
            case SubcommandNames.Summary:
                return BindSummary(words, args, gazetteer);
            case SubcommandNames.Search:
                args.Add("text", string.Join(' ', words));
                return null;
            case SubcommandNames.Crossings:
                args.Add("region", string.Join(' ', words));
                return null;
            case SubcommandNames.Subscribe:
                return BindSubscribe(words, args, gazetteer);
            case SubcommandNames.Subscriptions or SubcommandNames.Unmute:
                return new CommandError("input", $"input: /border {syntax.Name} takes nothing more, but got {Shown.Quoted(words[0])}");
            default:
                return BindInOrder(syntax, words, args);
        }
    }

    // help <topic>, event <id>, why <id>, unsubscribe <id|all>, digest <time> [timezone], mute <duration>.
    private static CommandError? BindInOrder(SubcommandSyntax syntax, IReadOnlyList<string> words, CommandArguments args)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (i >= syntax.Options.Count)
            {
                var last = syntax.Options[^1].Name;
                return new CommandError(last, $"{last}: {Shown.Quoted(words[i])} is one word too many; see /border help {syntax.Name}");
            }

            args.Add(syntax.Options[i].Name, words[i]);
        }

        return null;
    }

    // A kind word, a whole number (the limit) and a region, in any order; the other words together are the region.
    private static CommandError? BindLatest(IReadOnlyList<string> words, CommandArguments args, Gazetteer gazetteer)
    {
        var rest = new List<string>();
        foreach (var word in words)
        {
            if (KindWords.TryParse(word, out _))
            {
                args.Add("kind", word);
            }
            else if (IsWholeNumber(word))
            {
                args.Add("limit", word);
            }
            else
            {
                rest.Add(word);
            }
        }

        return BindRegion(rest, "region", args, gazetteer, [new("kind", KindWords.Closest, KindWords.Error)]);
    }

    // A period (30d) and a region, in any order.
    private static CommandError? BindSummary(IReadOnlyList<string> words, CommandArguments args, Gazetteer gazetteer)
    {
        var rest = new List<string>();
        foreach (var word in words)
        {
            if (DurationValue.IsDuration(word) || (char.IsAsciiDigit(word[0]) && !RegionText.IsRegion(word, gazetteer)))
            {
                args.Add("period", word);
            }
            else
            {
                rest.Add(word);
            }
        }

        return BindRegion(rest, "region", args, gazetteer, []);
    }

    // Kind, subtype and severity words (1 to 5 too) go to their lists; the rest are regions, together if they name one.
    private static CommandError? BindSubscribe(IReadOnlyList<string> words, CommandArguments args, Gazetteer gazetteer)
    {
        var rest = new List<string>();
        foreach (var word in words)
        {
            if (KindWords.TryParse(word, out _))
            {
                args.Add("kinds", word);
            }
            else if (SubtypeWords.TryParse(word, out _))
            {
                args.Add("subtypes", word);
            }
            else if (SeverityWords.TryParse(word, out _))
            {
                args.Add("min-severity", word);
            }
            else
            {
                rest.Add(word);
            }
        }

        if (rest.Count > 1 && RegionText.IsRegion(string.Join(' ', rest), gazetteer))
        {
            args.Add("regions", string.Join(' ', rest));
            return null;
        }

        foreach (var word in rest)
        {
            if (Misspelt(word, gazetteer, SubscribeVocabularies) is { } error)
            {
                return error;
            }

            args.Add("regions", word);
        }

        return null;
    }

    private static CommandError? BindRegion(
        List<string> rest, string option, CommandArguments args, Gazetteer gazetteer, IReadOnlyList<Vocabulary> vocabularies)
    {
        if (rest.Count == 0)
        {
            return null;
        }

        if (rest.Count == 1 && Misspelt(rest[0], gazetteer, vocabularies) is { } error)
        {
            return error;
        }

        args.Add(option, string.Join(' ', rest));
        return null;
    }

    /// <summary>
    /// The error for a word that is no region but looks like a misspelt kind (or subtype, or severity), or null. One edit
    /// away always counts ("clsh"); two only when no place is close either ("lashi" is lashio, not clash).
    /// </summary>
    private static CommandError? Misspelt(string word, Gazetteer gazetteer, IReadOnlyList<Vocabulary> vocabularies)
    {
        if (RegionText.IsRegion(word, gazetteer))
        {
            return null;
        }

        var guesses = new List<(Vocabulary Vocabulary, int Distance)>();
        foreach (var vocabulary in vocabularies)
        {
            if (vocabulary.Closest(word) is { } close)
            {
                guesses.Add((vocabulary, close.Distance));
            }
        }

        // Stable: on a tie the earlier vocabulary (kind before subtype before severity) wins.
        var best = guesses.OrderBy(guess => guess.Distance).FirstOrDefault();
        if (best.Vocabulary is null || (best.Distance > 1 && RegionText.Suggest(word.Trim(), gazetteer) is not null))
        {
            return null;
        }

        return best.Vocabulary.Error(best.Vocabulary.Option, word);
    }

    private static bool IsWholeNumber(string word)
    {
        var digits = word is ['-' or '+', ..] ? word[1..] : word;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    /// <summary>Words an option accepts: how close a word is to one, and the error that suggests it.</summary>
    private sealed record Vocabulary(string Option, Func<string, (string Word, int Distance)?> Closest, Func<string, string, CommandError> Error);
}
