using System.Globalization;
using System.Text.Json;
using BorderAlertBot.Serialization;

namespace BorderAlertBot.Discord.Interactions;

/// <summary>
/// The subcommand and its option values of an APPLICATION_COMMAND (platforms/discord.md §1.5): <c>data.options[0]</c> is
/// the subcommand (type 1) and its options the leaves; values become the strings <see cref="Commands.CommandParser.FromOptions"/> reads.
/// </summary>
internal static class CommandOptions
{
    public static (string Subcommand, Dictionary<string, string> Values, InteractionOption? Focused) Read(InteractionData? data)
    {
        var subcommand = data?.Options is [{ Type: SubCommand } first, ..] ? first : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        InteractionOption? focused = null;
        foreach (var option in subcommand?.Options ?? [])
        {
            values[option.Name] = Text(option.Value);
            if (option.Focused)
            {
                focused = option;
            }
        }

        return (subcommand?.Name ?? string.Empty, values, focused);
    }

    public static string Text(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } text => JsonStrings.Read(text),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.True } => "yes",
        { ValueKind: JsonValueKind.False } => "no",
        _ => string.Empty,
    };

    private const int SubCommand = 1;

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
