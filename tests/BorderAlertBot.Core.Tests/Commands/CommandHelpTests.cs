using BorderAlertBot.Commands;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class CommandHelpTests
{
    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    public static TheoryData<string> Names => [.. CommandSyntax.Subcommands.Select(syntax => syntax.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_example_in_the_help_is_a_valid_command_of_its_subcommand(string name)
    {
        // Arrange
        var syntax = CommandSyntax.Find(name)!; // From the table itself.

        // Act
        var result = Parser.Parse(syntax.Example["/border ".Length..]);

        // Assert
        var parsed = Assert.IsType<CommandParseResult.Parsed>(result);
        Assert.Equal(name, parsed.Command.Name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_overview_shows_every_usage_line_and_example(string name)
    {
        // Arrange
        var syntax = CommandSyntax.Find(name)!; // From the table itself.

        // Act
        var overview = CommandHelp.Overview;

        // Assert
        Assert.Contains(syntax.Usage, overview, StringComparison.Ordinal);
        Assert.Contains("e.g. " + syntax.Example, overview, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Help_on_a_subcommand_explains_each_option(string name)
    {
        // Arrange
        var syntax = CommandSyntax.Find(name)!; // From the table itself.

        // Act
        var help = CommandHelp.For(new HelpCommand(name));

        // Assert
        Assert.StartsWith(syntax.Usage + "\n", help, StringComparison.Ordinal);
        Assert.EndsWith("Example: " + syntax.Example, help, StringComparison.Ordinal);
        Assert.All(syntax.Options, option => Assert.Contains($"  {option.Name}: {option.Description}\n", help, StringComparison.Ordinal));
    }

    [Fact]
    public void Help_on_subscribe_lists_the_subtypes_of_each_kind()
    {
        // Act
        var help = CommandHelp.For("subscribe");

        // Assert
        Assert.Contains("  trade subtypes: crossing-closed, crossing-reopened, route-blocked, cargo-destroyed, sanction-imposed\n", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_without_a_topic_is_the_overview()
    {
        // Act
        var help = CommandHelp.For(new HelpCommand(null));

        // Assert
        Assert.Same(CommandHelp.Overview, help);
        Assert.Null(CommandHelp.For("nonsense"));
    }
}
