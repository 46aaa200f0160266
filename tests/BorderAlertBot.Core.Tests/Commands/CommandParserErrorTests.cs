using BorderAlertBot.Commands;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class CommandParserErrorTests
{
    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    [Theory]
    // Subcommands and options.
    [InlineData("lates", "subcommand", "subcommand: \"lates\" is not a subcommand; did you mean latest? See /border help", "latest")]
    [InlineData("subscibe clash", "subcommand", "subcommand: \"subscibe\" is not a subcommand; did you mean subscribe? See /border help", "subscribe")]
    [InlineData("unsub all", "subcommand", "subcommand: \"unsub\" is not a subcommand; did you mean unsubscribe? See /border help", "unsubscribe")]
    [InlineData("weather", "subcommand", "subcommand: \"weather\" is not a subcommand; see /border help", null)]
    [InlineData("kind:clash", "subcommand", "subcommand: \"kind:clash\" is not a subcommand; see /border help", null)]
    [InlineData("help lates", "topic", "topic: \"lates\" is not a subcommand; did you mean latest? See /border help", "latest")]
    [InlineData("latest limt:5", "limt", "limt: not an option of latest; use kind, region or limit (did you mean limit?)", "limit")]
    [InlineData("latest colour:red", "colour", "colour: not an option of latest; use kind, region or limit", null)]
    [InlineData("search strike sinse:7d", "sinse", "sinse: not an option of search; use text or since (did you mean since?)", "since")]
    [InlineData("subscriptions mine", "input", "input: /border subscriptions takes nothing more, but got \"mine\"", null)]
    [InlineData("unmute limit:5", "limit", "limit: /border unmute takes no options", null)]
    [InlineData("latest limit:5 limit:6", "limit", "limit: given 2 times (\"5\", \"6\"); give it once", null)]
    [InlineData("latest 5 limit:6", "limit", "limit: given 2 times (\"6\", \"5\"); give it once", null)]
    [InlineData("latest limit:", "limit", "limit: no value given; how many events: 1 to 25 (default 10)", null)]
    [InlineData("latest limit:\"\"", "limit", "limit: no value given; how many events: 1 to 25 (default 10)", null)]
    // latest
    [InlineData("latest 40", "limit", "limit: 40 is too many; 1 to 25", null)]
    [InlineData("latest limit:0", "limit", "limit: 0 is too few; 1 to 25", null)]
    [InlineData("latest -3", "limit", "limit: -3 is too few; 1 to 25", null)]
    [InlineData("latest 99999999999", "limit", "limit: 99999999999 is too many; 1 to 25", null)]
    [InlineData("latest limit:ten", "limit", "limit: \"ten\" is not a number; 1 to 25", null)]
    [InlineData("latest clsh", "kind", "kind: \"clsh\" is not a kind; did you mean clash?", "clash")]
    [InlineData("latest kind:ceasfire", "kind", "kind: \"ceasfire\" is not a kind; did you mean ceasefire?", "ceasefire")]
    [InlineData("latest kind:weather", "kind", "kind: \"weather\" is not a kind; use clash, ceasefire or trade", null)]
    [InlineData("latest myanmar-china", "region", "region: \"myanmar-china\" is not a region; did you mean CN-MM?", "CN-MM")]
    [InlineData("latest china myanmar", "region", "region: \"china myanmar\" is not a region; did you mean CN-MM?", "CN-MM")]
    [InlineData("latest region:\"China Myanmar\"", "region", "region: \"China Myanmar\" is not a region; did you mean CN-MM?", "CN-MM")]
    [InlineData("latest burma", "region", "region: \"burma\" is not a region; did you mean MM?", "MM")]
    [InlineData("latest thailand/laos", "region", "region: \"thailand/laos\" is not a region; did you mean LA-TH?", "LA-TH")]
    [InlineData("latest lashi", "region", "region: \"lashi\" is not a region; did you mean lashio?", "lashio")]
    [InlineData("latest region:lashioo~5km", "region", "region: \"lashioo~5km\" is not a region; did you mean lashio~5km?", "lashio~5km")]
    [InlineData("latest atlantis", "region", "region: \"atlantis\" is not a region; use a country (MM), a border (CN-MM), a place (muse) or a place with a radius (laiza~25km)", null)]
    [InlineData("latest CN-XQ", "region", "region: 'CN-XQ': XQ is not an ISO 3166-1 country code (a border is two codes, such as CN-MM)", null)]
    [InlineData("latest laiza~900km", "region", "region: 'laiza~900km': the radius must be between 0.1 and 500 km", null)]
    // summary
    [InlineData("summary 120d", "period", "period: 120d is too long; 1d to 90d, such as 7d or 30d", null)]
    [InlineData("summary 12h", "period", "period: 12h is too short; 1d to 90d, such as 7d or 30d", null)]
    [InlineData("summary 36h", "period", "period: 36h is not whole days; 1d to 90d, such as 7d or 30d", null)]
    [InlineData("summary 30x MM", "period", "period: \"30x\" is not a duration; 1d to 90d, such as 7d or 30d", null)]
    [InlineData("summary period:week", "period", "period: \"week\" is not a duration; 1d to 90d, such as 7d or 30d", null)]
    // event and why
    [InlineData("event", "id", "id: give an event id, such as evt_chinshwehaw_crossing_closed_2023", null)]
    [InlineData("event muse_clash_2024", "id", "id: \"muse_clash_2024\" is not an event id; did you mean evt_muse_clash_2024?", "evt_muse_clash_2024")]
    [InlineData("why EVT_MUSE", "id", "id: \"EVT_MUSE\" is not an event id; did you mean evt_muse?", "evt_muse")]
    [InlineData("why evt_!!", "id", "id: \"evt_!!\" is not an event id; they look like evt_chinshwehaw_crossing_closed_2023", null)]
    [InlineData("event evt_a evt_b", "id", "id: \"evt_b\" is one word too many; see /border help event", null)]
    // search
    [InlineData("search", "text", "text: give the words to search for, such as \"air strike\"", null)]
    [InlineData("search a", "text", "text: \"a\" is too short; 2 to 200 characters", null)]
    [InlineData("search strike since:forever", "since", "since: \"forever\" is not a duration; such as 24h or 7d; at most 365d", null)]
    [InlineData("search strike since:400d", "since", "since: 400d is too long; such as 24h or 7d; at most 365d", null)]
    // subscribe
    [InlineData("subscribe kinds:clash,weather", "kinds", "kinds: \"weather\" is not a kind; use clash, ceasefire or trade", null)]
    [InlineData("subscribe clsh", "kinds", "kinds: \"clsh\" is not a kind; did you mean clash?", "clash")]
    [InlineData("subscribe air-strik", "subtypes", "subtypes: \"air-strik\" is not a subtype; did you mean air-strike?", "air-strike")]
    [InlineData("subscribe subtypes:bombing", "subtypes", "subtypes: \"bombing\" is not a subtype; see /border help subscribe", null)]
    [InlineData("subscribe kinds:clash subtypes:crossing-closed", "subtypes", "subtypes: crossing-closed is a trade subtype, not clash; add kind trade or drop it", null)]
    [InlineData("subscribe hgh", "min-severity", "min-severity: \"hgh\" is not a severity; did you mean high?", "high")]
    [InlineData("subscribe min-severity:7", "min-severity", "min-severity: \"7\" is not a severity; use low, moderate, significant, high, critical or 1 to 5", null)]
    [InlineData("subscribe verified-only:maybe", "verified-only", "verified-only: \"maybe\" is not yes or no", null)]
    [InlineData("subscribe regions:MM,myanmar-china", "regions", "regions: \"myanmar-china\" is not a region; did you mean CN-MM?", "CN-MM")]
    [InlineData("subscribe keywords:a", "keywords", "keywords: \"a\" is too short; 2 to 100 characters each", null)]
    [InlineData("subscribe actors:,", "actors", "actors: no value given; such as MNDAA or TNLA; several with commas", null)]
    [InlineData("subscribe window:2d", "window", "window: 2d is too long; 0 to 24h, such as 5m", null)]
    [InlineData("subscribe updates:bth", "updates", "updates: \"bth\" is not edit, reply, both or none; did you mean both?", "both")]
    [InlineData("subscribe updates:sometimes", "updates", "updates: \"sometimes\" is not edit, reply, both or none", null)]
    [InlineData("subscribe keywords:k1,k2,k3,k4,k5,k6,k7,k8,k9,k10,k11", "keywords", "keywords: 11 is too many; at most 10", null)]
    // unsubscribe, digest, mute
    [InlineData("unsubscribe", "id", "id: give a subscription id (sub_…) or all", null)]
    [InlineData("unsubscribe k2m4n6p8qr", "id", "id: \"k2m4n6p8qr\" is not a subscription id; did you mean sub_k2m4n6p8qr?", "sub_k2m4n6p8qr")]
    [InlineData("unsubscribe everyone", "id", "id: \"everyone\" is not a subscription id; use sub_ and 10 letters or digits, or all", null)]
    [InlineData("digest", "time", "time: give a time such as 07:30, or off", null)]
    [InlineData("digest 25:00", "time", "time: \"25:00\" is not a time; use HH:MM such as 07:30, or off", null)]
    [InlineData("digest 7am", "time", "time: \"7am\" is not a time; use HH:MM such as 07:30, or off", null)]
    [InlineData("digest 07:30 Asia/Yangn", "timezone", "timezone: \"Asia/Yangn\" is not a time zone; did you mean Asia/Yangon?", "Asia/Yangon")]
    [InlineData("digest 07:30 Mars/Olympus", "timezone", "timezone: \"Mars/Olympus\" is not a time zone; use an IANA name such as Asia/Yangon or UTC", null)]
    [InlineData("digest 07:30 ../../etc/passwd", "timezone", "timezone: \"../../etc/passwd\" is not a time zone; use an IANA name such as Asia/Yangon or UTC", null)]
    [InlineData("digest 07:30 Asia/Yangon nothing extra", "quiet", "quiet: \"extra\" is one word too many; see /border help digest", null)]
    [InlineData("digest 07:30 Asia/Yangon nothin", "quiet", "quiet: \"nothin\" is not line or nothing; did you mean nothing?", "nothing")]
    [InlineData("digest 07:30 quiet:sometimes", "quiet", "quiet: \"sometimes\" is not line or nothing", null)]
    [InlineData("mute", "duration", "duration: give how long, 1m to 30d, such as 2h or 1d", null)]
    [InlineData("mute 45d", "duration", "duration: 45d is too long; 1m to 30d, such as 2h or 1d", null)]
    [InlineData("mute 0", "duration", "duration: 0 is too short; 1m to 30d, such as 2h or 1d", null)]
    [InlineData("mute soon", "duration", "duration: \"soon\" is not a duration; 1m to 30d, such as 2h or 1d", null)]
    [InlineData("mute 99999d99999d99999d99999d99999d99999d", "duration", "duration: \"99999d99999d99999d99999d99999d99999d\" is not a duration; 1m to 30d, such as 2h or 1d", null)]
    // The text as a whole.
    [InlineData("search \"air strike", "input", "input: a quote is not closed; end the quoted words with \"", null)]
    [InlineData("latest \u0007clash", "input", "input: has a control character (U+0007) at position 8; remove it", null)]
    public void A_bad_command_gets_a_short_error_that_names_the_option(string text, string option, string message, string? suggestion)
    {
        // Act
        var result = Parser.Parse(text);

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal(new CommandError(option, message, suggestion), invalid.Error);
    }

    [Theory]
    [InlineData('\ud800')]
    [InlineData('\udc00')]
    public void A_broken_character_is_refused(char lone)
    {
        // Arrange: built at run time, since attribute strings cannot carry a lone surrogate.
        var text = "latest " + lone + "clash";

        // Act
        var result = Parser.Parse(text);

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal(new CommandError("input", "input: has a broken character at position 8; type it again"), invalid.Error);
    }

    [Fact]
    public void Text_over_a_thousand_characters_is_refused()
    {
        // Arrange
        var text = "search " + new string('x', 994);

        // Act
        var result = Parser.Parse(text);

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal(new CommandError("input", "input: 1,001 characters is too long; at most 1,000"), invalid.Error);
    }

    [Fact]
    public void Text_of_a_thousand_characters_is_read()
    {
        // Arrange
        var text = "search " + new string('x', 993);

        // Act
        var result = Parser.Parse(text);

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result); // Read, then refused as search text over 200.
        Assert.Equal(new CommandError("text", "text: 993 characters is too long; 2 to 200"), invalid.Error);
    }

    [Fact]
    public void A_long_value_is_cut_short_in_the_message()
    {
        // Act
        var result = Parser.Parse("latest kind:" + new string('z', 300));

        // Assert
        var invalid = Assert.IsType<CommandParseResult.Invalid>(result);
        Assert.Equal($"kind: \"{new string('z', 40)}…\" is not a kind; use clash, ceasefire or trade", invalid.Error.Message);
    }
}
