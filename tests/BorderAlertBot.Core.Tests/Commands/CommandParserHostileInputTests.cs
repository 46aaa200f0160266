using System.Text;
using BorderAlertBot.Commands;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class CommandParserHostileInputTests
{
    private const int Cases = 10_000;

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

    [Fact]
    public void No_input_makes_the_parser_throw_and_every_answer_is_a_command_or_an_explained_error()
    {
        // Arrange: a fixed seed, so a failure can be replayed.
        var random = new Random(20240601);
        var inputs = Enumerable.Range(0, Cases).Select(_ => Generate(random)).ToList();

        // Act
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            try
            {
                Check(Parser.Parse(input), input, failures);
                var words = input.Split(' ', 3);
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                if (words.Length > 2)
                {
                    options[words[1]] = words[2];
                }

                Check(Parser.FromOptions(words[0], options), input, failures);
            }
            catch (Exception e)
            {
                failures.Add($"{Escaped(input)} threw {e.GetType().Name}: {e.Message}");
            }
        }

        // Assert
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    private static void Check(CommandParseResult result, string input, List<string> failures)
    {
        switch (result)
        {
            case CommandParseResult.Parsed { Command: not null }:
                break;
            case CommandParseResult.Invalid { Error: { Option.Length: > 0, Message.Length: > 0 } error }
                when error.Message.StartsWith(error.Option + ":", StringComparison.Ordinal) && error.Message.Length <= 300:
                break;
            default:
                failures.Add($"{Escaped(input)} gave {result}");
                break;
        }
    }

    // Mostly a real subcommand followed by a mix of real words, option keys, random characters, very long words and
    // control characters, so most inputs get past the first checks and reach the option readers.
    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(100) < 85)
        {
            text.Append(CommandSyntax.Subcommands[random.Next(CommandSyntax.Subcommands.Count)].Name).Append(' ');
        }

        var parts = random.Next(0, 8);
        for (var i = 0; i < parts; i++)
        {
            var roll = random.Next(100);
            if (roll < 55)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
            else if (roll < 75)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]).Append(RandomChars(random, random.Next(1, 4)));
            }
            else if (roll < 92)
            {
                text.Append(RandomChars(random, random.Next(1, 12)));
            }
            else if (roll < 97)
            {
                text.Append(new string((char)random.Next('a', 'z' + 1), random.Next(1, random.Next(2) == 0 ? 60 : 1200)));
            }
            else
            {
                text.Append((char)random.Next(0, 32));
            }

            if (random.Next(3) > 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    // Mostly printable characters from anywhere in the BMP; now and then any UTF-16 code unit, lone surrogates included.
    private static string RandomChars(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = random.Next(20) switch
            {
                0 => (char)random.Next(0, 0x10000),
                < 8 => (char)random.Next(0x20, 0x7F),
                _ => (char)random.Next(0xA0, 0xD800),
            };
        }

        return new string(chars);
    }

    private static string Escaped(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 120 ? text[..120] : text)
        {
            shown.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return shown.ToString();
    }
}
