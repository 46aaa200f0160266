using BorderAlertBot.Discord.Registration;

namespace BorderAlertBot.Discord.Tests.Registration;

public sealed class ApplicationCommandRulesTests
{
    [Fact]
    public void A_description_over_100_characters_is_reported_where_it_is()
    {
        // Arrange
        var command = Command(Subcommand("latest", Leaf("kind") with { Description = new string('d', 101) }));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal("/border latest kind: the description has 101 characters; Discord allows 1 to 100", problem);
    }

    [Fact]
    public void An_empty_description_is_reported()
    {
        // Arrange
        var command = Command(Subcommand("latest") with { Description = string.Empty });

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal("/border latest: the description has 0 characters; Discord allows 1 to 100", problem);
    }

    [Fact]
    public void Descriptions_are_counted_in_code_points()
    {
        // Arrange
        var hundredEmoji = string.Concat(Enumerable.Repeat("🛂", 100));
        var command = Command(Subcommand("latest", Leaf("kind") with { Description = hundredEmoji }));

        // Act
        var problems = ApplicationCommandRules.Problems(command);

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void More_than_25_options_at_one_level_are_reported()
    {
        // Arrange
        var command = Command(Subcommand("latest", [.. Enumerable.Range(1, 26).Select(i => Leaf($"option{i}"))]));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal("/border latest: 26 options; Discord allows 25 per level", problem);
    }

    [Fact]
    public void A_required_option_after_an_optional_one_is_reported()
    {
        // Arrange
        var command = Command(Subcommand("search", Leaf("since"), Leaf("text") with { Required = true }));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal("/border search text: required, but after an optional option; required options must come first", problem);
    }

    [Fact]
    public void Choices_together_with_autocomplete_are_reported()
    {
        // Arrange
        var kind = Leaf("kind") with { Autocomplete = true, Choices = [new("clash", "clash")] };
        var command = Command(Subcommand("latest", kind));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal("/border latest kind: has both choices and autocomplete; Discord allows one or the other", problem);
    }

    [Fact]
    public void Two_options_with_one_name_are_reported()
    {
        // Arrange
        var command = Command(Subcommand("latest", Leaf("kind"), Leaf("kind")));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Contains("two options are called \"kind\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_name_in_capitals_is_reported()
    {
        // Arrange
        var command = Command(Subcommand("latest", Leaf("Kind")));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal("/border latest Kind: the option name \"Kind\" has 'K' (U+004B); Discord wants it in lowercase", problem);
    }

    [Fact]
    public void Bounds_on_a_string_option_are_reported()
    {
        // Arrange
        var command = Command(Subcommand("latest", Leaf("kind") with { MinValue = 1 }));

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Contains("min_value and max_value are for INTEGER and NUMBER options", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_8000_characters_in_one_command_are_reported()
    {
        // Arrange
        var subcommands = Enumerable.Range(1, 5).Select(i =>
            Subcommand($"sub{i}", [.. Enumerable.Range(1, 17).Select(j => Leaf($"option{j}") with { Description = new string('d', 100) })]));
        var command = Command([.. subcommands]);

        // Act
        var problem = Assert.Single(ApplicationCommandRules.Problems(command));

        // Assert
        Assert.Equal(
            $"/border: names, descriptions and choices add up to {ApplicationCommandRules.TotalLength(command)} characters; Discord allows 8000 per command",
            problem);
        Assert.InRange(ApplicationCommandRules.TotalLength(command), 8001, 10_000);
    }

    [Fact]
    public void Choice_names_and_values_count_toward_the_8000()
    {
        // Arrange
        var kind = Leaf("kind") with { Choices = [new("clash", "armed-clash")] };
        var command = Command(Subcommand("latest", kind));

        // Act
        var total = ApplicationCommandRules.TotalLength(command);

        // Assert
        Assert.Equal("border".Length + "root".Length + "latest".Length + "sub".Length + "kind".Length + "leaf".Length
            + "clash".Length + "armed-clash".Length, total);
    }

    private static ApplicationCommand Command(params ApplicationCommandOption[] options) =>
        new() { Name = "border", Description = "root", Options = options };

    private static ApplicationCommandOption Subcommand(string name, params ApplicationCommandOption[] options) =>
        new() { Type = ApplicationCommandOptionType.SubCommand, Name = name, Description = "sub", Options = options };

    private static ApplicationCommandOption Leaf(string name) =>
        new() { Type = ApplicationCommandOptionType.String, Name = name, Description = "leaf" };
}
