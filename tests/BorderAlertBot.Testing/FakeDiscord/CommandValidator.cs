using System.Text;
using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Discord's checks on a bulk overwrite (§2): CHAT_INPUT and option names match
/// <c>^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c> and are lowercase; descriptions 1-100; ≤ 25 options per level, names
/// unique; subcommands not mixed with other options; required options before optional ones; ≤ 25 choices, only on
/// STRING/INTEGER/NUMBER and never with <c>autocomplete</c>; names, descriptions and choice names/values summed per command
/// ≤ 8000. <c>\p{sc=…}</c> is read as the Devanagari and Thai blocks, since .NET regexes know blocks, not scripts.
/// </summary>
internal static class CommandValidator
{
    private const int ChatInput = 1;
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;

    public static ValidationErrors Validate(JsonElement commands)
    {
        var errors = new ValidationErrors();
        if (commands.ValueKind != JsonValueKind.Array)
        {
            errors.Add("", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return errors;
        }

        var seen = new HashSet<(int, string)>();
        var index = 0;
        foreach (var command in commands.EnumerateArray())
        {
            Command(command, MessageValidator.Path("", index++), seen, errors);
        }

        return errors;
    }

    public static int TypeOf(JsonElement command) =>
        command.TryGetValue("type", out var type) && type.TryGetInt32(out var value) ? value : ChatInput;

    private static void Command(JsonElement command, string path, HashSet<(int, string)> seen, ValidationErrors errors)
    {
        if (command.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return;
        }

        var type = TypeOf(command);
        if (type is < 1 or > 4)
        {
            errors.Add(MessageValidator.Path(path, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
        }

        var name = command.StringOrNull("name");
        if (name is null)
        {
            errors.Required(MessageValidator.Path(path, "name"));
        }
        else if (type == ChatInput ? !IsValidName(name) : name.CodePoints() is < 1 or > 32)
        {
            errors.Add(MessageValidator.Path(path, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
        else if (!seen.Add((type, name)))
        {
            errors.Add(MessageValidator.Path(path, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
        }

        if (type == ChatInput)
        {
            MessageValidator.Text(command, "description", path, 100, required: true, errors, min: 1);
            Options(command, path, parentType: 0, errors);
        }
        else if (!string.IsNullOrEmpty(command.StringOrNull("description")) || command.ArrayOrEmpty("options").Any())
        {
            errors.Add(MessageValidator.Path(path, "description"), "APPLICATION_COMMAND_CONTEXT_MENU_FIELDS", "Context menu commands cannot have a description or options");
        }

        if (Size(command) > 8000)
        {
            errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)");
        }
    }

    private static void Options(JsonElement parent, string path, int parentType, ValidationErrors errors)
    {
        if (!parent.TryGetValue("options", out var options))
        {
            return;
        }

        var optionsPath = MessageValidator.Path(path, "options");
        if (options.ValueKind != JsonValueKind.Array)
        {
            errors.Add(optionsPath, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }

        if (options.GetArrayLength() > 25)
        {
            errors.MaxLength(optionsPath, 25);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var (sawOptional, sawSubCommands, sawValues) = (false, false, false);
        var index = 0;
        foreach (var option in options.EnumerateArray())
        {
            var optionPath = MessageValidator.Path(optionsPath, index++);
            if (option.ValueKind != JsonValueKind.Object)
            {
                errors.Add(optionPath, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = option.TryGetValue("type", out var typeValue) && typeValue.TryGetInt32(out var t) ? t : 0;
            var isSubCommand = type is SubCommand or SubCommandGroup;
            if (type is < 1 or > 11 || (parentType == SubCommand && isSubCommand) || (parentType == SubCommandGroup && type != SubCommand))
            {
                errors.Add(MessageValidator.Path(optionPath, "type"), "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Option type is invalid here");
            }

            sawSubCommands |= isSubCommand;
            sawValues |= !isSubCommand;
            var name = option.StringOrNull("name");
            if (name is null)
            {
                errors.Required(MessageValidator.Path(optionPath, "name"));
            }
            else if (!IsValidName(name))
            {
                errors.Add(MessageValidator.Path(optionPath, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
            else if (!names.Add(name))
            {
                errors.Add(MessageValidator.Path(optionPath, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
            }

            MessageValidator.Text(option, "description", optionPath, 100, required: true, errors, min: 1);
            var isRequired = option.IsTrue("required");
            if (isRequired && sawOptional)
            {
                errors.Add(MessageValidator.Path(optionPath, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            sawOptional |= !isRequired && !isSubCommand;
            Choices(option, optionPath, type, errors);
            if (isSubCommand)
            {
                Options(option, optionPath, type, errors);
            }
        }

        if (sawSubCommands && sawValues)
        {
            errors.Add(optionsPath, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types");
        }
    }

    private static void Choices(JsonElement option, string path, int type, ValidationErrors errors)
    {
        var takesChoices = type is 3 or 4 or 10;
        if (option.IsTrue("autocomplete") && !takesChoices)
        {
            errors.Add(MessageValidator.Path(path, "autocomplete"), "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID", "Autocomplete is only for STRING, INTEGER and NUMBER options");
        }

        if (!option.TryGetValue("choices", out var choices))
        {
            return;
        }

        var choicesPath = MessageValidator.Path(path, "choices");
        if (choices.ValueKind != JsonValueKind.Array || !takesChoices)
        {
            errors.Add(choicesPath, "APPLICATION_COMMAND_OPTION_CHOICES_INVALID", "Choices are only for STRING, INTEGER and NUMBER options");
            return;
        }

        if (option.IsTrue("autocomplete"))
        {
            errors.Add(MessageValidator.Path(path, "autocomplete"), "APPLICATION_COMMAND_OPTION_CHOICES_WITH_AUTOCOMPLETE", "Autocomplete cannot be set on an option that has choices");
        }

        if (choices.GetArrayLength() > 25)
        {
            errors.MaxLength(choicesPath, 25);
        }

        var index = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var choicePath = MessageValidator.Path(choicesPath, index++);
            MessageValidator.Text(choice, "name", choicePath, 100, required: true, errors, min: 1);
            var isValid = choice.TryGetValue("value", out var value) && (type == 3
                ? value.ValueKind == JsonValueKind.String && value.GetString()!.CodePoints() is >= 1 and <= 100 // A JSON string is never null.
                : value.ValueKind == JsonValueKind.Number && (type == 10 || value.TryGetInt64(out _)));
            if (!isValid)
            {
                errors.Add(MessageValidator.Path(choicePath, "value"), "APPLICATION_COMMAND_OPTION_CHOICE_VALUE_INVALID", "Choice value is invalid for this option type");
            }
        }
    }

    /// <summary>Names, descriptions and choice names and values, summed over the whole command (§2).</summary>
    private static int Size(JsonElement node)
    {
        var size = (node.StringOrNull("name")?.CodePoints() ?? 0) + (node.StringOrNull("description")?.CodePoints() ?? 0);
        foreach (var choice in node.ArrayOrEmpty("choices"))
        {
            size += (choice.StringOrNull("name")?.CodePoints() ?? 0)
                + (choice.TryGetValue("value", out var value) ? (value.IdText() ?? value.GetRawText()).CodePoints() : 0);
        }

        return size + node.ArrayOrEmpty("options").Sum(Size);
    }

    /// <summary>A CHAT_INPUT or option name: 1-32 letters, numbers, <c>-</c>, <c>_</c>, <c>'</c>, Devanagari or Thai, lowercase where a lowercase form exists.</summary>
    private static bool IsValidName(string name)
    {
        var count = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            count++;
            var isAllowed = Rune.IsLetter(rune) || Rune.IsNumber(rune) || rune.Value is '-' or '_' or '\''
                || rune.Value is >= 0x0900 and <= 0x097F // Devanagari, vowel signs included.
                || rune.Value is >= 0x0E00 and <= 0x0E7F; // Thai.
            if (!isAllowed || Rune.ToLowerInvariant(rune) != rune)
            {
                return false;
            }
        }

        return count is >= 1 and <= 32;
    }
}
