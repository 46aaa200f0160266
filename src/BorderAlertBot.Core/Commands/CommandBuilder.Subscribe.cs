using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Commands;

/// <summary><c>subscribe</c>: its list options, each value checked, repeats dropped.</summary>
internal sealed partial class CommandBuilder
{
    private CommandParseResult Subscribe(CommandArguments args)
    {
        if (!TryReadList(args, "kinds", KindWords.TryParse, KindWords.Error, out List<EventKind>? kinds, out var error)
            || !TryReadList(args, "subtypes", SubtypeWords.TryParse, SubtypeWords.Error, out List<EventSubtype>? subtypes, out error)
            || !TryReadRegions(args, out var regions, out error)
            || !args.TryGetOne("min-severity", out var severityText, out error)
            || !args.TryGetOne("verified-only", out var verifiedText, out error)
            || !TryReadWords(args, "keywords", out var keywords, out error)
            || !TryReadWords(args, "actors", out var actors, out error)
            || !args.TryGetOne("window", out var windowText, out error)
            || !args.TryGetOne("updates", out var updatesText, out error))
        {
            return Invalid(error);
        }

        foreach (var subtype in subtypes.Where(subtype => kinds.Count > 0 && !kinds.Contains(subtype.Kind())))
        {
            var kind = KindWords.Of(subtype.Kind());
            return Invalid(new CommandError(
                "subtypes", $"subtypes: {SubtypeWords.Of(subtype)} is a {kind} subtype, not {string.Join(" or ", kinds.Select(KindWords.Of))}; add kind {kind} or drop it"));
        }

        var severity = Severity.Low;
        if (severityText is not null && !SeverityWords.TryParse(severityText, out severity))
        {
            return Invalid(SeverityWords.Error("min-severity", severityText));
        }

        var verifiedOnly = true;
        if (verifiedText is not null && !TryReadYesNo(verifiedText, out verifiedOnly))
        {
            return Invalid(new CommandError("verified-only", $"verified-only: {Shown.Quoted(verifiedText)} is not yes or no"));
        }

        var window = TimeSpan.Zero;
        if (windowText is not null
            && !DurationValue.TryRead("window", windowText, TimeSpan.Zero, SubscribeCommand.MaxGroupWindow, "0 to 24h, such as 5m", out window, out error))
        {
            return Invalid(error);
        }

        var updates = UpdateMode.Edit;
        if (updatesText is not null && !TryReadUpdates(updatesText, out updates, out error))
        {
            return Invalid(error);
        }

        return Parsed(new SubscribeCommand(new SubscriptionFilter(kinds, subtypes, regions, severity, verifiedOnly, keywords, actors), window, updates));
    }

    private delegate bool TryParseWord<T>(string text, out T value);

    private static bool TryReadList<T>(
        CommandArguments args, string option, TryParseWord<T> tryParse, Func<string, string, CommandError> errorFor,
        [NotNullWhen(true)] out List<T>? values, [NotNullWhen(false)] out CommandError? error)
    {
        values = [];
        if (NoValue(args, option) is { } missing)
        {
            values = null;
            error = missing;
            return false;
        }

        error = null;
        foreach (var item in args.Items(option))
        {
            if (!tryParse(item, out var value))
            {
                values = null;
                error = errorFor(option, item);
                return false;
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return true;
    }

    private bool TryReadRegions(CommandArguments args, [NotNullWhen(true)] out List<Region>? regions, [NotNullWhen(false)] out CommandError? error)
    {
        regions = [];
        if (NoValue(args, "regions") is { } missing)
        {
            regions = null;
            error = missing;
            return false;
        }

        error = null;
        foreach (var item in args.Items("regions"))
        {
            if (!RegionText.TryRead("regions", item, gazetteer, out var region, out error))
            {
                regions = null;
                return false;
            }

            if (!regions.Contains(region))
            {
                regions.Add(region);
            }
        }

        if (regions.Count > SubscribeCommand.MaxRegions)
        {
            error = new CommandError("regions", string.Create(CultureInfo.InvariantCulture, $"regions: {regions.Count} is too many; at most {SubscribeCommand.MaxRegions}"));
            regions = null;
            return false;
        }

        return true;
    }

    // Keywords and actors: free words, each 2 to 100 characters, at most 10, repeats (ignoring case) dropped.
    private static bool TryReadWords(CommandArguments args, string option, [NotNullWhen(true)] out List<string>? words, [NotNullWhen(false)] out CommandError? error)
    {
        words = [];
        if (NoValue(args, option) is { } missing)
        {
            words = null;
            error = missing;
            return false;
        }

        error = null;
        foreach (var item in args.Items(option))
        {
            if (item.Length is < SubscribeCommand.MinWordLength or > SubscribeCommand.MaxWordLength)
            {
                var size = item.Length < SubscribeCommand.MinWordLength ? "short" : "long";
                error = new CommandError(option, $"{option}: {Shown.Quoted(item)} is too {size}; 2 to 100 characters each");
                words = null;
                return false;
            }

            if (!words.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(item);
            }
        }

        if (words.Count > SubscribeCommand.MaxWords)
        {
            error = new CommandError(option, string.Create(CultureInfo.InvariantCulture, $"{option}: {words.Count} is too many; at most {SubscribeCommand.MaxWords}"));
            words = null;
            return false;
        }

        return true;
    }

    // "kinds:," gives the option but no value in it.
    private static CommandError? NoValue(CommandArguments args, string option) =>
        args.Has(option) && args.Items(option).Count == 0
            ? new CommandError(option, $"{option}: no value given; {CommandSyntax.Find(SubcommandNames.Subscribe)?.FindOption(option)?.Description}")
            : null;

    private static bool TryReadUpdates(string text, out UpdateMode updates, [NotNullWhen(false)] out CommandError? error)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        UpdateMode? mode = trimmed switch
        {
            "edit" => UpdateMode.Edit,
            "reply" or "thread" => UpdateMode.Reply,
            "both" => UpdateMode.Both,
            "none" => UpdateMode.None,
            _ => null,
        };
        updates = mode ?? UpdateMode.Edit;
        error = mode is not null
            ? null
            : ClosestWord.Find(trimmed, ["edit", "reply", "both", "none"]) is { Word: var word }
                ? new CommandError("updates", $"updates: {Shown.Quoted(text)} is not edit, reply, both or none; did you mean {word}?", word)
                : new CommandError("updates", $"updates: {Shown.Quoted(text)} is not edit, reply, both or none");
        return mode is not null;
    }

    private static bool TryReadYesNo(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "yes" or "y" or "true" or "on":
                value = true;
                return true;
            case "no" or "n" or "false" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
