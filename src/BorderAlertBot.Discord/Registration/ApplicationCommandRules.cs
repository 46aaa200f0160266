using System.Globalization;
using System.Text;

namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// The rules a CHAT_INPUT command must keep for Discord to accept it (platforms/discord.md §2), checked before it is sent:
/// names, descriptions of 1-100, at most 25 options per level, required options first, choices not with autocomplete,
/// and at most 8000 characters of names, descriptions and choices per command. Lengths are in code points (§7.8).
/// </summary>
internal static class ApplicationCommandRules
{
    public const int MaxDescriptionLength = 100;
    public const int MaxOptions = 25;
    public const int MaxChoices = 25;
    public const int MaxChoiceLength = 100;
    public const int MaxTotalLength = 8000;

    // INTEGER options take -2^53+1 .. 2^53-1.
    private const double MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>Every rule the command breaks, one line each, naming where (<c>/border subscribe kinds: …</c>).</summary>
    public static IReadOnlyList<string> Problems(ApplicationCommand command)
    {
        var problems = new List<string>();
        var path = $"/{command.Name}";
        if (command.Type != ApplicationCommandType.ChatInput)
        {
            problems.Add($"{path}: type {(int)command.Type} is not CHAT_INPUT (1), the only type these rules are for");
        }

        CheckName(path, "command", command.Name, problems);
        CheckDescription(path, command.Description, problems);
        CheckOptions(path, parent: null, command.Options, problems);
        if (TotalLength(command) is var total and > MaxTotalLength)
        {
            problems.Add($"{path}: names, descriptions and choices add up to {total} characters; Discord allows {MaxTotalLength} per command");
        }

        return problems;
    }

    /// <summary>What counts toward the 8000: every name, description, choice name and choice value, in code points.</summary>
    public static int TotalLength(ApplicationCommand command) =>
        Length(command.Name) + Length(command.Description) + (command.Options ?? []).Sum(TotalLength);

    private static int TotalLength(ApplicationCommandOption option) =>
        Length(option.Name)
        + Length(option.Description)
        + (option.Choices ?? []).Sum(choice => Length(choice.Name) + Length(choice.Value))
        + (option.Options ?? []).Sum(TotalLength);

    private static void CheckOptions(
        string path, ApplicationCommandOptionType? parent, IReadOnlyList<ApplicationCommandOption>? options, List<string> problems)
    {
        options ??= [];
        if (options.Count > MaxOptions)
        {
            problems.Add($"{path}: {options.Count} options; Discord allows {MaxOptions} per level");
        }

        foreach (var name in options.GroupBy(option => option.Name).Where(group => group.Count() > 1).Select(group => group.Key))
        {
            problems.Add($"{path}: two options are called {Quoted(name)}; names must be unique among siblings");
        }

        var firstOptional = options.TakeWhile(option => option.Required == true).Count();
        foreach (var late in options.Skip(firstOptional).Where(option => option.Required == true))
        {
            problems.Add($"{path} {late.Name}: required, but after an optional option; required options must come first");
        }

        foreach (var option in options)
        {
            CheckOption($"{path} {option.Name}", parent, option, problems);
        }
    }

    private static void CheckOption(string path, ApplicationCommandOptionType? parent, ApplicationCommandOption option, List<string> problems)
    {
        CheckName(path, "option", option.Name, problems);
        CheckDescription(path, option.Description, problems);
        var isGroup = option.Type == ApplicationCommandOptionType.SubCommandGroup;
        var isSubcommand = option.Type == ApplicationCommandOptionType.SubCommand;
        if ((isGroup && parent is not null) || (isSubcommand && parent is ApplicationCommandOptionType.SubCommand))
        {
            problems.Add($"{path}: a {option.Type} cannot sit inside a {parent}; only a group may hold subcommands");
        }
        else if (!isGroup && !isSubcommand && parent is ApplicationCommandOptionType.SubCommandGroup)
        {
            problems.Add($"{path}: a group may hold only subcommands");
        }

        if (isGroup || isSubcommand)
        {
            if (option.Required is not null || option.Autocomplete is not null || option.Choices is not null
                || option.MinValue is not null || option.MaxValue is not null)
            {
                problems.Add($"{path}: a {option.Type} takes only a name, a description and options");
            }

            CheckOptions(path, option.Type, option.Options, problems);
            return;
        }

        if (option.Options is { Count: > 0 })
        {
            problems.Add($"{path}: only subcommands and groups have options");
        }

        CheckValues(path, option, problems);
        CheckChoices(path, option, problems);
    }

    private static void CheckValues(string path, ApplicationCommandOption option, List<string> problems)
    {
        var isNumeric = option.Type is ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number;
        if (option.Autocomplete == true && !isNumeric && option.Type != ApplicationCommandOptionType.String)
        {
            problems.Add($"{path}: autocomplete is for STRING, INTEGER and NUMBER options, not {option.Type}");
        }

        if ((option.MinValue is not null || option.MaxValue is not null) && !isNumeric)
        {
            problems.Add($"{path}: min_value and max_value are for INTEGER and NUMBER options, not {option.Type}");
        }

        if (option.MinValue > option.MaxValue)
        {
            problems.Add($"{path}: min_value {Number(option.MinValue)} is above max_value {Number(option.MaxValue)}");
        }

        if (option.Type == ApplicationCommandOptionType.Integer
            && new[] { option.MinValue, option.MaxValue }.Any(bound => bound is { } value && (Math.Abs(value) > MaxSafeInteger || value != Math.Floor(value))))
        {
            problems.Add($"{path}: an INTEGER's bounds must be whole numbers within ±(2^53-1)");
        }
    }

    private static void CheckChoices(string path, ApplicationCommandOption option, List<string> problems)
    {
        if (option.Choices is not { } choices)
        {
            return;
        }

        if (option.Autocomplete == true)
        {
            problems.Add($"{path}: has both choices and autocomplete; Discord allows one or the other");
        }

        if (choices.Count > MaxChoices)
        {
            problems.Add($"{path}: {choices.Count} choices; Discord allows {MaxChoices}");
        }

        foreach (var choice in choices)
        {
            if (Length(choice.Name) is < 1 or > MaxChoiceLength)
            {
                problems.Add($"{path}: the choice {Quoted(choice.Name)} has a name of {Length(choice.Name)} characters; Discord allows 1 to {MaxChoiceLength}");
            }

            if (Length(choice.Value) > MaxChoiceLength)
            {
                problems.Add($"{path}: the choice {Quoted(choice.Name)} has a value of {Length(choice.Value)} characters; Discord allows {MaxChoiceLength}");
            }
        }
    }

    private static void CheckName(string path, string what, string? name, List<string> problems)
    {
        name ??= string.Empty;
        if (Length(name) is < 1 or > CommandNameRule.MaxLength)
        {
            problems.Add($"{path}: the {what} name {Quoted(name)} has {Length(name)} characters; Discord allows 1 to {CommandNameRule.MaxLength}");
        }

        if (CommandNameRule.DisallowedRunes(name) is { Count: > 0 } disallowed)
        {
            problems.Add($"{path}: the {what} name {Quoted(name)} has {Runes(disallowed)}; Discord allows only letters, digits, '-', '_' and apostrophes");
        }

        if (CommandNameRule.UpperRunes(name) is { Count: > 0 } upper)
        {
            problems.Add($"{path}: the {what} name {Quoted(name)} has {Runes(upper)}; Discord wants it in lowercase");
        }
    }

    private static void CheckDescription(string path, string? description, List<string> problems)
    {
        var length = Length(description ?? string.Empty);
        if (length is < 1 or > MaxDescriptionLength)
        {
            problems.Add($"{path}: the description has {length} characters; Discord allows 1 to {MaxDescriptionLength}");
        }
    }

    private static int Length(string? text) => (text ?? string.Empty).EnumerateRunes().Count();

    private static string Quoted(string text) => $"\"{text}\"";

    private static string Runes(IEnumerable<Rune> runes) =>
        string.Join(", ", runes.Select(rune => rune.Value == ' ' ? "a space" : $"'{rune}' (U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)})"));

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
