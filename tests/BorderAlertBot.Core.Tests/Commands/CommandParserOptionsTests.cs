using BorderAlertBot.Commands;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class CommandParserOptionsTests
{
    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    // Text form, then Discord's subcommand and options as name=value.
    [Theory]
    [InlineData("help", "help")]
    [InlineData("help latest", "help", "topic=latest")]
    [InlineData("latest", "latest")]
    [InlineData("latest clash CN-MM 5", "latest", "kind=clash", "region=CN-MM", "limit=5")]
    [InlineData("latest chin shwe haw", "latest", "region=Chin Shwe Haw")]
    [InlineData("summary 30d MM", "summary", "period=30d", "region=MM")]
    [InlineData("event evt_muse_clash_2024", "event", "id=evt_muse_clash_2024")]
    [InlineData("search \"air strike\" since:7d", "search", "text=air strike", "since=7d")]
    [InlineData("crossings CN-MM", "crossings", "region=CN-MM")]
    [InlineData("why evt_muse_clash_2024", "why", "id=evt_muse_clash_2024")]
    [InlineData("subscribe", "subscribe")]
    [InlineData(
        "subscribe clash ceasefire air-strike CN-MM laiza~25km high verified-only:no keywords:\"air strike\" actors:MNDAA window:5m",
        "subscribe", "kinds=clash,ceasefire", "subtypes=air-strike", "regions=CN-MM, laiza~25km", "min-severity=4", "verified-only=false",
        "keywords=air strike", "actors=MNDAA", "window=5m")]
    [InlineData("unsubscribe sub_k2m4n6p8qr", "unsubscribe", "id=sub_k2m4n6p8qr")]
    [InlineData("unsubscribe all", "unsubscribe", "id=all")]
    [InlineData("subscriptions", "subscriptions")]
    [InlineData("digest 07:30 Asia/Yangon", "digest", "time=07:30", "timezone=Asia/Yangon")]
    [InlineData("digest off", "digest", "time=off")]
    [InlineData("digest 07:30 Asia/Yangon nothing", "digest", "time=07:30", "timezone=Asia/Yangon", "quiet=nothing")]
    [InlineData("mute 2h", "mute", "duration=2h")]
    [InlineData("unmute", "Unmute")]
    public void Typed_options_give_the_same_command_as_the_text(string text, string subcommand, params string[] options)
    {
        // Arrange
        var fromText = Assert.IsType<CommandParseResult.Parsed>(Parser.Parse(text)).Command;

        // Act
        var result = Parser.FromOptions(subcommand, Options(options));

        // Assert
        var parsed = Assert.IsType<CommandParseResult.Parsed>(result);
        Assert.Equal(fromText, parsed.Command);
    }

    // The same bad value in either form gets the same error.
    [Theory]
    [InlineData("latest limit:40", "latest", "limit=40")]
    [InlineData("latest clsh", "latest", "kind=clsh")]
    [InlineData("latest myanmar-china", "latest", "region=myanmar-china")]
    [InlineData("summary 36h", "summary", "period=36h")]
    [InlineData("event evt", "event", "id=evt")]
    [InlineData("subscribe kinds:clash subtypes:crossing-closed", "subscribe", "subtypes=crossing-closed", "kinds=clash")]
    [InlineData("subscribe regions:atlantis", "subscribe", "regions=atlantis")]
    [InlineData("digest 07:30 Asia/Yangn", "digest", "time=07:30", "timezone=Asia/Yangn")]
    [InlineData("mute 45d", "mute", "duration=45d")]
    [InlineData("latest limt:5", "latest", "limt=5")]
    [InlineData("lates", "lates")]
    public void Typed_options_get_the_same_error_as_the_text(string text, string subcommand, params string[] options)
    {
        // Arrange
        var fromText = Assert.IsType<CommandParseResult.Invalid>(Parser.Parse(text)).Error;

        // Act
        var result = Parser.FromOptions(subcommand, Options(options));

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal(fromText, invalid.Error);
    }

    [Theory]
    [InlineData("latest", "limit=", "limit", "limit: no value given; how many events: 1 to 25 (default 10)")]
    [InlineData("latest", "colour=red", "colour", "colour: not an option of latest; use kind, region or limit")]
    [InlineData("unmute", "for=2h", "for", "for: /border unmute takes no options")]
    [InlineData("search", "text=\u0007bell", "text", "text: has a control character (U+0007) at position 1; remove it")]
    public void A_bad_typed_option_gets_an_error_that_names_it(string subcommand, string option, string expectedOption, string expectedMessage)
    {
        // Act
        var result = Parser.FromOptions(subcommand, Options([option]));

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal(expectedOption, invalid.Error.Option);
        Assert.Equal(expectedMessage, invalid.Error.Message);
    }

    [Fact]
    public void A_typed_option_over_a_thousand_characters_is_refused()
    {
        // Act
        var result = Parser.FromOptions("search", new Dictionary<string, string> { ["text"] = new string('x', 1001) });

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal(new CommandError("text", "text: 1,001 characters is too long; at most 1,000"), invalid.Error);
    }

    [Fact]
    public void Typed_options_accept_aliases_and_any_case()
    {
        // Act
        var result = Parser.FromOptions("SUBSCRIBE", new Dictionary<string, string> { ["Kind"] = "clash", ["min_severity"] = "high" });

        // Assert
        var parsed = Assert.IsType<CommandParseResult.Parsed>(result);
        Assert.Equal(Assert.IsType<CommandParseResult.Parsed>(Parser.Parse("subscribe kinds:clash min-severity:high")).Command, parsed.Command);
    }

    private static Dictionary<string, string> Options(IEnumerable<string> pairs) =>
        pairs.Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
