using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary>
/// Reads <c>/border</c> commands (ARCHITECTURE.md §7) in both forms into the same checked <see cref="BorderCommand"/>s:
/// Slack's text (<see cref="Parse"/>) and Discord's typed options (<see cref="FromOptions"/>). Never throws for what a user
/// can send: anything wrong is a <see cref="CommandError"/> that names the option and what is valid.
/// </summary>
public sealed class CommandParser(Gazetteer gazetteer)
{
    private readonly CommandBuilder _builder = new(gazetteer);

    /// <summary>
    /// The text after <c>/border</c>: a subcommand, then words. Quotes (also “ ”) keep spaces in a word; <c>key:value</c> and
    /// <c>key:"two words"</c> name an option; plain words are shorthands (<c>latest clash CN-MM 5</c>). Empty text is help.
    /// </summary>
    public CommandParseResult Parse(string text)
    {
        text ??= string.Empty;
        if (CommandInput.Check("input", text) is { } inputError)
        {
            return new CommandParseResult.Invalid(inputError);
        }

        if (!CommandTokenizer.TryTokenize(text, out var words, out var tokenError))
        {
            return new CommandParseResult.Invalid(tokenError);
        }

        if (words.Count == 0)
        {
            return new CommandParseResult.Parsed(new HelpCommand(null));
        }

        if (CommandSyntax.Find(words[0].Text) is not { } syntax)
        {
            return new CommandParseResult.Invalid(NotASubcommand("subcommand", words[0].Text));
        }

        var args = new CommandArguments();
        var plain = new List<string>();
        foreach (var word in words.Skip(1))
        {
            if (word.Key is null)
            {
                if (word.Value.Trim().Length > 0)
                {
                    plain.Add(word.Value.Trim());
                }
            }
            else if (syntax.FindOption(word.Key) is { } option)
            {
                if (Empty(option, word.Value) is { } emptyError)
                {
                    return new CommandParseResult.Invalid(emptyError);
                }

                args.Add(option.Name, word.Value);
            }
            else if (syntax.Name == SubcommandNames.Search && ClosestWord.Find(word.Key, OptionNames(syntax)) is null)
            {
                // Search text may hold a colon ("note:" or a link); only a near-miss of since: or text: is an error.
                plain.Add(word.Text);
            }
            else
            {
                return new CommandParseResult.Invalid(UnknownOption(syntax, word.Key));
            }
        }

        return PositionalWords.Bind(syntax, plain, args, gazetteer) is { } bindError
            ? new CommandParseResult.Invalid(bindError)
            : _builder.Build(syntax, args);
    }

    /// <summary>
    /// Discord's form: the subcommand and its options by name (a value as the string the user gave), checked exactly as
    /// <see cref="Parse"/> checks the same values, so both give equal commands.
    /// </summary>
    public CommandParseResult FromOptions(string subcommand, IReadOnlyDictionary<string, string> options)
    {
        subcommand ??= string.Empty;
        if (CommandInput.Check("subcommand", subcommand) is { } subcommandError)
        {
            return new CommandParseResult.Invalid(subcommandError);
        }

        if (subcommand.Trim().Length == 0)
        {
            return new CommandParseResult.Parsed(new HelpCommand(null));
        }

        if (CommandSyntax.Find(subcommand) is not { } syntax)
        {
            return new CommandParseResult.Invalid(NotASubcommand("subcommand", subcommand));
        }

        var args = new CommandArguments();
        foreach (var (key, value) in (options ?? new Dictionary<string, string>()).OrderBy(pair => Position(syntax, pair.Key)))
        {
            var keyText = key ?? string.Empty;
            var valueText = value ?? string.Empty;
            if (CommandInput.Check("option", keyText) is { } keyError)
            {
                return new CommandParseResult.Invalid(keyError);
            }

            if (keyText.Trim().Length == 0)
            {
                return new CommandParseResult.Invalid(new CommandError("option", $"option: one has no name; {syntax.Name} takes {syntax.OptionList()}"));
            }

            if (syntax.FindOption(keyText.Trim()) is not { } option)
            {
                return new CommandParseResult.Invalid(UnknownOption(syntax, keyText.Trim().ToLowerInvariant()));
            }

            if ((CommandInput.Check(option.Name, valueText) ?? Empty(option, valueText)) is { } valueError)
            {
                return new CommandParseResult.Invalid(valueError);
            }

            args.Add(option.Name, valueText);
        }

        return _builder.Build(syntax, args);
    }

    /// <summary>The error for a word that names no subcommand, suggesting the closest one.</summary>
    internal static CommandError NotASubcommand(string option, string text)
    {
        var close = ClosestWord.Find(text, CommandSyntax.Subcommands.Select(syntax => syntax.Name));
        return close is { Word: var word }
            ? new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a subcommand; did you mean {word}? See /border help", word)
            : new CommandError(option, $"{option}: {Shown.Quoted(text)} is not a subcommand; see /border help");
    }

    private static CommandError UnknownOption(SubcommandSyntax syntax, string key)
    {
        var shown = Shown.Short(key);
        if (syntax.Options.Count == 0)
        {
            return new CommandError(shown, $"{shown}: /border {syntax.Name} takes no options");
        }

        var close = ClosestWord.Find(key, OptionNames(syntax));
        var message = $"{shown}: not an option of {syntax.Name}; use {syntax.OptionList()}";
        return new CommandError(shown, close is { Word: var word } ? $"{message} (did you mean {word}?)" : message, close?.Word);
    }

    private static CommandError? Empty(OptionSyntax option, string value) =>
        value.Trim().Length == 0 ? new CommandError(option.Name, $"{option.Name}: no value given; {option.Description}") : null;

    private static IEnumerable<string> OptionNames(SubcommandSyntax syntax) =>
        syntax.Options.SelectMany(option => option.Aliases.Prepend(option.Name));

    // Typed options are checked in the syntax's order (unknown ones first), so both forms report the same first problem.
    private static int Position(SubcommandSyntax syntax, string? key) =>
        key is not null && syntax.FindOption(key.Trim()) is { } option ? syntax.Options.ToList().IndexOf(option) : -1;
}
