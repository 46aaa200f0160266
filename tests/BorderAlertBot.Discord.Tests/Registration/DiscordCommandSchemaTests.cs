using System.Text.Json;
using BorderAlertBot.Commands;
using BorderAlertBot.Discord.Registration;

namespace BorderAlertBot.Discord.Tests.Registration;

public sealed class DiscordCommandSchemaTests
{
    private static readonly (string Subcommand, string Option)[] Autocompleted =
    [
        ("latest", "kind"), ("latest", "region"), ("summary", "region"), ("event", "id"), ("crossings", "region"),
        ("why", "id"), ("subscribe", "kinds"), ("subscribe", "regions"), ("digest", "timezone"),
    ];

    private static readonly (string Subcommand, string Option)[] Required =
    [
        ("event", "id"), ("search", "text"), ("why", "id"), ("unsubscribe", "id"), ("digest", "time"), ("mute", "duration"),
    ];

    [Fact]
    public void The_body_is_one_chat_input_command_with_the_configured_name()
    {
        // Arrange
        var name = "border-alerts";

        // Act
        var commands = DiscordCommandSchema.Build(name);

        // Assert
        var command = Assert.Single(commands);
        Assert.Equal(name, command.Name);
        Assert.Equal(ApplicationCommandType.ChatInput, command.Type);
        Assert.InRange(command.Description.Length, 1, 100);
    }

    [Fact]
    public void Every_subcommand_of_the_syntax_is_a_sub_command_in_the_syntax_order()
    {
        // Arrange
        var expected = CommandSyntax.Subcommands.Select(syntax => (syntax.Name, syntax.Summary)).ToList();

        // Act
        var options = Border().Options;

        // Assert
        Assert.Equal(13, options.Count);
        Assert.Equal(expected, options.Select(option => (option.Name, option.Description)));
        Assert.All(options, option => Assert.Equal(ApplicationCommandOptionType.SubCommand, option.Type));
    }

    [Fact]
    public void Every_subcommand_has_the_options_of_its_syntax_with_their_descriptions()
    {
        // Arrange
        var command = Border();

        // Act
        var registered = command.Options.ToDictionary(
            option => option.Name, option => (option.Options ?? []).Select(leaf => (leaf.Name, leaf.Description)).Order().ToList());

        // Assert
        Assert.All(CommandSyntax.Subcommands, syntax =>
            Assert.Equal(syntax.Options.Select(option => (option.Name, option.Description)).Order(), registered[syntax.Name]));
    }

    [Fact]
    public void Subcommands_without_options_send_none()
    {
        // Arrange
        var command = Border();

        // Act
        var withoutOptions = command.Options.Where(option => option.Options is null).Select(option => option.Name);

        // Assert
        Assert.Equal(["subscriptions", "unmute"], withoutOptions);
    }

    [Fact]
    public void Limit_is_an_integer_from_1_to_25()
    {
        // Arrange
        var command = Border();

        // Act
        var limit = Option(command, "latest", "limit");

        // Assert
        Assert.Equal(ApplicationCommandOptionType.Integer, limit.Type);
        Assert.Equal(1, limit.MinValue);
        Assert.Equal(25, limit.MaxValue);
    }

    [Fact]
    public void Every_other_option_is_a_string_without_bounds()
    {
        // Arrange
        var command = Border();

        // Act
        var others = Leaves(command).Where(leaf => leaf.Option.Name != "limit").Select(leaf => leaf.Option).ToList();

        // Assert
        Assert.NotEmpty(others);
        Assert.All(others, option =>
        {
            Assert.Equal(ApplicationCommandOptionType.String, option.Type);
            Assert.Null(option.MinValue);
            Assert.Null(option.MaxValue);
            Assert.Null(option.Choices);
        });
    }

    [Fact]
    public void Regions_kinds_time_zones_and_event_ids_autocomplete_and_nothing_else_does()
    {
        // Arrange
        var command = Border();

        // Act
        var autocompleted = Leaves(command).Where(leaf => leaf.Option.Autocomplete == true).Select(leaf => (leaf.Subcommand, leaf.Option.Name));

        // Assert
        Assert.Equal(Autocompleted.Order(), autocompleted.Order());
        Assert.Null(Option(command, "unsubscribe", "id").Autocomplete);
    }

    [Fact]
    public void Event_and_why_ids_search_text_unsubscribe_ids_digest_times_and_mute_durations_are_required_and_nothing_else_is()
    {
        // Arrange
        var command = Border();

        // Act
        var required = Leaves(command).Where(leaf => leaf.Option.Required == true).Select(leaf => (leaf.Subcommand, leaf.Option.Name));

        // Assert
        Assert.Equal(Required.Order(), required.Order());
    }

    [Fact]
    public void Required_options_come_first_and_the_rest_keep_the_syntax_order()
    {
        // Arrange
        var command = Border();

        // Act
        var orders = command.Options.Select(option => (option.Name, Names: (option.Options ?? []).Select(leaf => leaf.Name).ToList())).ToList();

        // Assert
        Assert.All(orders, order =>
        {
            var syntax = CommandSyntax.Find(order.Name)!.Options.Select(option => option.Name);
            var required = syntax.Where(name => Required.Contains((order.Name, name)));
            Assert.Equal(required.Concat(syntax.Except(required)), order.Names);
        });
    }

    [Fact]
    public void Options_the_usage_line_shows_in_angle_brackets_are_exactly_the_required_ones()
    {
        // Arrange
        var command = Border();

        // Act
        var requiredCounts = command.Options.ToDictionary(option => option.Name, option => (option.Options ?? []).Count(leaf => leaf.Required == true));

        // Assert
        Assert.All(CommandSyntax.Subcommands, syntax => Assert.Equal(syntax.Usage.Count(c => c == '<'), requiredCounts[syntax.Name]));
    }

    [Fact]
    public void A_global_command_lets_everyone_run_it_in_servers_only()
    {
        // Arrange
        var scope = RegistrationScope.Global;

        // Act
        var command = Assert.Single(DiscordCommandSchema.Build(DiscordCommandSchema.DefaultCommandName, scope));

        // Assert
        Assert.Null(command.DefaultMemberPermissions);
        Assert.Equal([InteractionContextType.Guild], command.Contexts);
        Assert.Equal([ApplicationIntegrationType.GuildInstall], command.IntegrationTypes);
    }

    [Fact]
    public void A_guild_command_leaves_out_the_fields_for_global_commands_only()
    {
        // Arrange
        var scope = RegistrationScope.Guild;

        // Act
        var command = Assert.Single(DiscordCommandSchema.Build(DiscordCommandSchema.DefaultCommandName, scope));

        // Assert
        Assert.Null(command.Contexts);
        Assert.Null(command.IntegrationTypes);
        Assert.Equal(Json(Border() with { Contexts = null, IntegrationTypes = null }), Json(command));
    }

    [Fact]
    public void The_built_command_breaks_no_rule_and_stays_under_8000_characters()
    {
        // Arrange
        var command = Border();

        // Act
        var problems = DiscordCommandSchema.Problems(command);
        var total = ApplicationCommandRules.TotalLength(command);

        // Assert
        Assert.Empty(problems);
        Assert.InRange(total, 1, 7999);
    }

    [Fact]
    public void The_json_is_an_array_with_snake_case_names_and_numeric_types()
    {
        // Arrange
        var commands = DiscordCommandSchema.Build(DiscordCommandSchema.DefaultCommandName);

        // Act
        var json = JsonSerializer.Serialize(commands, ApplicationCommandJsonContext.Default.IReadOnlyListApplicationCommand);

        // Assert
        using var document = JsonDocument.Parse(json);
        var command = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("border", command.GetProperty("name").GetString());
        Assert.Equal(1, command.GetProperty("type").GetInt32());
        Assert.Equal(JsonValueKind.Null, command.GetProperty("default_member_permissions").ValueKind);
        Assert.Equal([0], command.GetProperty("contexts").EnumerateArray().Select(item => item.GetInt32()));
        Assert.Equal([0], command.GetProperty("integration_types").EnumerateArray().Select(item => item.GetInt32()));
        var latest = command.GetProperty("options")[1];
        Assert.Equal("latest", latest.GetProperty("name").GetString());
        Assert.Equal(1, latest.GetProperty("type").GetInt32());
        var kind = latest.GetProperty("options")[0];
        Assert.Equal(3, kind.GetProperty("type").GetInt32());
        Assert.True(kind.GetProperty("autocomplete").GetBoolean());
        Assert.False(kind.TryGetProperty("required", out _));
        var limit = latest.GetProperty("options")[2];
        Assert.Equal("limit", limit.GetProperty("name").GetString());
        Assert.Equal(4, limit.GetProperty("type").GetInt32());
        Assert.Equal(1, limit.GetProperty("min_value").GetInt32());
        Assert.Equal(25, limit.GetProperty("max_value").GetInt32());
        Assert.DoesNotContain("minValue", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"choices\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_marks_required_options()
    {
        // Arrange
        var commands = DiscordCommandSchema.Build(DiscordCommandSchema.DefaultCommandName);

        // Act
        var json = JsonSerializer.Serialize(commands, ApplicationCommandJsonContext.Default.IReadOnlyListApplicationCommand);

        // Assert
        using var document = JsonDocument.Parse(json);
        var mute = document.RootElement[0].GetProperty("options").EnumerateArray().Single(option => option.GetProperty("name").GetString() == "mute");
        var duration = Assert.Single(mute.GetProperty("options").EnumerateArray());
        Assert.True(duration.GetProperty("required").GetBoolean());
    }

    [Theory]
    [InlineData("Border Alerts")]
    [InlineData("borderalertsborderalertsborderale")]
    [InlineData("")]
    [InlineData("Border")]
    [InlineData("border!")]
    [InlineData("border/alerts")]
    public void A_configured_command_name_that_breaks_discords_rules_is_reported_not_thrown(string name)
    {
        // Arrange
        var command = Assert.Single(DiscordCommandSchema.Build(name));

        // Act
        var problems = DiscordCommandSchema.Problems(command);

        // Assert
        Assert.NotEmpty(problems);
        Assert.All(problems, problem => Assert.StartsWith($"/{name}: the command name", problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_of_33_characters_is_reported_with_its_length()
    {
        // Arrange
        var command = Assert.Single(DiscordCommandSchema.Build(new string('b', 33)));

        // Act
        var problem = Assert.Single(DiscordCommandSchema.Problems(command));

        // Assert
        Assert.Contains("33 characters; Discord allows 1 to 32", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_a_space_and_capitals_is_reported_for_both()
    {
        // Arrange
        var command = Assert.Single(DiscordCommandSchema.Build("Border Alerts"));

        // Act
        var problems = DiscordCommandSchema.Problems(command);

        // Assert
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, problem => problem.Contains("a space", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("lowercase", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("border")]
    [InlineData("border-alerts")]
    [InlineData("border_alerts")]
    [InlineData("border's")]
    [InlineData("grenze2")]
    [InlineData("граница")]
    [InlineData("国境")]
    [InlineData("सीमा")]
    [InlineData("ชายแดน")]
    [InlineData("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    public void A_name_that_keeps_discords_rules_has_no_problems(string name)
    {
        // Arrange
        var command = Assert.Single(DiscordCommandSchema.Build(name));

        // Act
        var problems = DiscordCommandSchema.Problems(command);

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void The_option_traits_name_only_options_the_syntax_has()
    {
        // Arrange
        // Act
        var drift = DiscordOptionTraits.Drift();

        // Assert
        Assert.Empty(drift);
    }

    private static ApplicationCommand Border() => Assert.Single(DiscordCommandSchema.Build(DiscordCommandSchema.DefaultCommandName));

    private static string Json(ApplicationCommand command) => JsonSerializer.Serialize(command, ApplicationCommandJsonContext.Default.ApplicationCommand);

    private static IEnumerable<(string Subcommand, ApplicationCommandOption Option)> Leaves(ApplicationCommand command) =>
        command.Options.SelectMany(subcommand => (subcommand.Options ?? []).Select(option => (subcommand.Name, option)));

    private static ApplicationCommandOption Option(ApplicationCommand command, string subcommand, string option) =>
        Leaves(command).Single(leaf => leaf.Subcommand == subcommand && leaf.Option.Name == option).Option;
}
