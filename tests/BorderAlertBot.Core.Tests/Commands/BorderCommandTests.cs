using BorderAlertBot.Commands;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class BorderCommandTests
{
    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    // Text, subcommand name, whether it needs an admin.
    public static TheoryData<string, string, bool> Admin => new()
    {
        { "help", "help", false },
        { "latest", "latest", false },
        { "summary", "summary", false },
        { "event evt_a", "event", false },
        { "search strike", "search", false },
        { "crossings", "crossings", false },
        { "why evt_a", "why", false },
        { "subscribe", "subscribe", true },
        { "unsubscribe all", "unsubscribe", true },
        { "subscriptions", "subscriptions", false },
        { "digest off", "digest", true },
        { "mute 2h", "mute", true },
        { "unmute", "unmute", true },
    };

    [Theory]
    [MemberData(nameof(Admin))]
    public void Only_the_commands_that_change_a_channel_need_an_admin(string text, string name, bool requiresAdmin)
    {
        // Act
        var command = Assert.IsType<CommandParseResult.Parsed>(Parser.Parse(text)).Command;

        // Assert
        Assert.Equal(name, command.Name);
        Assert.Equal(requiresAdmin, command.RequiresAdmin);
        Assert.Equal(requiresAdmin, CommandSyntax.Find(name)!.RequiresAdmin); // Every name above is in the table.
    }

    [Fact]
    public void Every_subcommand_in_the_syntax_table_is_in_the_admin_table()
    {
        // Act
        var tested = Admin.Select(row => (string)row[1]);

        // Assert
        Assert.Equal(CommandSyntax.Subcommands.Select(syntax => syntax.Name).Order(), tested.Order());
    }

    [Fact]
    public void Option_names_and_descriptions_fit_discord()
    {
        // Discord: option names are 1-32 lower-case characters, descriptions at most 100.
        foreach (var option in CommandSyntax.Subcommands.SelectMany(syntax => syntax.Options))
        {
            Assert.Matches("^[a-z][a-z-]{0,31}$", option.Name);
            Assert.InRange(option.Description.Length, 1, 100);
        }
    }
}
