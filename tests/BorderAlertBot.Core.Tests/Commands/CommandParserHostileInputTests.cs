using BorderAlertBot.Commands;
using BorderAlertBot.Geography;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Core.Tests.Commands;

/// <summary>
/// The <c>/border</c> grammar against generated hostile input (FsCheck): mostly a real subcommand followed by real words,
/// option keys, random characters, very long words and control characters, as text (Slack) and as typed options
/// (Discord). No input makes it throw; every answer is a command or an error that names the option. A short run in the
/// suite; <c>BORDERALERTBOT_LONG_FUZZ=1</c> runs 100,000 cases.
/// </summary>
public sealed class CommandParserHostileInputTests
{
    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    private static readonly string[] Pieces =
    [
        "latest", "summary", "event", "search", "crossings", "why", "subscribe", "unsubscribe", "subscriptions", "digest", "mute",
        "unmute", "help", "kind:", "region:", "limit:", "period:", "since:", "kinds:", "regions:", "subtypes:", "min-severity:",
        "verified-only:", "keywords:", "actors:", "window:", "time:", "timezone:", "duration:", "id:", "topic:", "text:",
        "clash", "CN-MM", "muse~25km", "laiza~", "~", "evt_", "sub_", "all", "off", "07:30", "Asia/Yangon", "25", "-1",
        "99999999999999999999", "30d", "99999d99999d99999d99999d", "1:00:00", "\"", "“", "”", ":", "::", ",", ",,", "\\",
        "myanmar-china", "ဗန်းမော်", "畹町", "@everyone", "<@123>", "\u200b", "\u202e", "e\u0301", "\ud83d\ude00",
    ];

    private static readonly Gen<string> Input = Gen.Frequency(
        (85, Gen.Elements(CommandSyntax.Subcommands.Select(subcommand => subcommand.Name).ToArray())
            .SelectMany(name => HostileText.Of(Pieces, " ", "", "  ").Select(rest => name + " " + rest))),
        (15, HostileText.Of(Pieces, " ", "")));

    [Fact]
    public void No_text_makes_the_parser_throw_and_every_answer_is_a_command_or_an_error_naming_the_option()
    {
        var property = Prop.ForAll(Input.ToArbitrary(), input => Answered(Parser.Parse(input)));

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases(5_000)).WithQuietOnSuccess(true));
    }

    [Fact]
    public void No_typed_options_make_the_parser_throw_and_every_answer_is_a_command_or_an_error_naming_the_option()
    {
        var options = Gen.ListOf(Gen.Elements(Pieces).SelectMany(key => HostileText.Of(Pieces).Select(value => (key.TrimEnd(':'), value))))
            .Select(pairs => pairs.DistinctBy(pair => pair.Item1).ToDictionary(pair => pair.Item1, pair => pair.value, StringComparer.Ordinal));
        var subcommand = Gen.Frequency((9, Gen.Elements(CommandSyntax.Subcommands.Select(s => s.Name).ToArray())), (1, HostileText.Noise));
        var property = Prop.ForAll(subcommand.ToArbitrary(), options.ToArbitrary(), (name, values) => Answered(Parser.FromOptions(name, values)));

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases(5_000)).WithQuietOnSuccess(true));
    }

    private static bool Answered(CommandParseResult result) => result switch
    {
        CommandParseResult.Parsed { Command: not null } => true,
        CommandParseResult.Invalid { Error: { Option.Length: > 0, Message.Length: > 0 and <= 300 } error } => error.Message.StartsWith(error.Option + ":", StringComparison.Ordinal),
        _ => false,
    };
}
