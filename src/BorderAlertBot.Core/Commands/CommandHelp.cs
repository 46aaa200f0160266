using System.Text;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary>
/// Help as plain text, from <see cref="CommandSyntax"/>: the overview lists every subcommand with its usage and an example;
/// <c>help &lt;subcommand&gt;</c> explains each option. Platform renderers format it.
/// </summary>
public static class CommandHelp
{
    private const string Footer =
        "Options are key:value (kind:clash) or plain words (latest clash CN-MM 5); quote words that go together: region:\"chin shwe haw\".";

    private static readonly Lazy<string> OverviewText = new(BuildOverview);

    /// <summary>Every subcommand: usage, what it does, an example.</summary>
    public static string Overview => OverviewText.Value;

    /// <summary>The text a <see cref="HelpCommand"/> asks for: the overview, or its topic in full.</summary>
    public static string For(HelpCommand command) =>
        command.Topic is { } topic && For(topic) is { } text ? text : Overview;

    /// <summary>One subcommand in full (any case), or null for an unknown name.</summary>
    public static string? For(string subcommand)
    {
        if (CommandSyntax.Find(subcommand) is not { } syntax)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(syntax.Usage).Append('\n');
        text.Append(Capitalized(syntax.Summary)).Append(syntax.RequiresAdmin ? " (channel admins only)." : ".").Append('\n');
        foreach (var option in syntax.Options)
        {
            text.Append("  ").Append(option.Name).Append(": ").Append(option.Description).Append('\n');
        }

        if (syntax.Name == SubcommandNames.Subscribe)
        {
            foreach (var kind in Enum.GetValues<EventKind>())
            {
                text.Append("  ").Append(KindWords.Of(kind)).Append(" subtypes: ")
                    .AppendJoin(", ", EventSubtypeExtensions.SubtypesOf(kind).Select(SubtypeWords.Of)).Append('\n');
            }
        }

        text.Append("Example: ").Append(syntax.Example);
        return text.ToString();
    }

    private static string BuildOverview()
    {
        var text = new StringBuilder("/border: Myanmar–China border events. Subcommands (* channel admins only):\n");
        foreach (var syntax in CommandSyntax.Subcommands)
        {
            text.Append(syntax.Usage).Append(syntax.RequiresAdmin ? " *" : string.Empty).Append(" — ").Append(syntax.Summary).Append('\n');
            text.Append("  e.g. ").Append(syntax.Example).Append('\n');
        }

        text.Append(Footer).Append('\n');
        text.Append("More on one: /border help <subcommand>");
        return text.ToString();
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
