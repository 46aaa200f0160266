using System.Text;
using System.Text.Json;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>
/// ARCHITECTURE.md §13: text from sources can never ping, link, format or break a message. An event whose title and
/// summary carry every trick goes through the whole bot to both fake platforms, which accept it (their limits hold),
/// and what they would show pings nobody, links nowhere, and carries no control character or unclosed direction override.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    private const string Tricks = "@everyone @here <@&1100000000000000555> <@900000000000000042> <!channel> <!here> <!everyone> <@U0ADMIN01> "
        + "<!subteam^S0123> [click me](https://evil.example/x) <https://evil.example/y|safe link> *bold* _it_ ~strike~ `code` ||spoiler|| "
        + "# heading\u0000\u0007\u001b[31m\u202Eevil\u2067reversed\u200F & < >";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_event_full_of_mentions_links_markup_control_characters_and_direction_overrides_is_shown_harmlessly_on_both_platforms()
    {
        // Arrange: a 10,000-character title and a long summary, both made of tricks.
        await using var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: PlatformFaults.Subscribe("discord-channel:" + PlatformsBot.DiscordChannelId, "slack-channel:" + PlatformsBot.SlackChannelId));
        bot.Bot.StartServer();
        var title = Repeat(Tricks, 10_000);
        var hostile = new EventBuilder().WithId("evt_hostile_text").WithSubtype(EventSubtype.ArmedClash).WithTitle(title).WithSummary(Repeat(Tricks, 3_000))
            .WithSources(new Source("<!channel> @everyone", new Uri("https://evil.example/source?q=<!here>"), null)).Build();

        // Act
        await bot.ImportAsync("hostile-test", hostile);
        await bot.AdvanceUntilAsync(() => bot.Discord.Messages(PlatformsBot.DiscordChannelId).Count == 1 && bot.Slack.Messages(PlatformsBot.SlackChannelId).Count == 1, TimeSpan.FromSeconds(1), Patience);

        // Assert: Discord took it (its limits are enforced by the fake), mentions none, and shows every trick as text.
        var discord = Assert.Single(bot.Discord.Messages(PlatformsBot.DiscordChannelId));
        Assert.Empty(discord.AllowedMentions!.Value.GetProperty("parse").EnumerateArray());
        var discordText = string.Join("\n", Strings(discord.Embeds));
        foreach (var ping in new[] { "@everyone", "@here", "<@&1100000000000000555>", "<@900000000000000042>", "[click me](https://evil" })
        {
            Assert.DoesNotContain(ping, discordText, StringComparison.Ordinal);
        }

        AssertNoControlCharactersOrOpenOverrides(discordText);
        Assert.All(discord.Embeds.EnumerateArray(), embed => Assert.True(embed.GetProperty("title").GetString()!.EnumerateRunes().Count() <= 256));

        // Slack took it (Block Kit limits enforced), and nothing in it is a mention, a broadcast or a link.
        var slack = Assert.Single(bot.Slack.Messages(PlatformsBot.SlackChannelId));
        var slackText = string.Join("\n", Strings(slack.Blocks!.Value).Append(slack.Text ?? string.Empty)); // Alerts carry blocks.
        foreach (var ping in new[] { "<!channel>", "<!here>", "<!everyone>", "<@U0ADMIN01>", "<!subteam", "<https://evil.example/y|", "<@&" })
        {
            Assert.DoesNotContain(ping, slackText, StringComparison.Ordinal);
        }

        AssertNoControlCharactersOrOpenOverrides(slackText);
        Assert.Equal(0, bot.Discord.TooManyRequestsSent);
        Assert.DoesNotContain(bot.Slack.Received, request => request.Error is not null);
    }

    private static string Repeat(string text, int length)
    {
        var built = new StringBuilder(length + text.Length);
        while (built.Length < length)
        {
            built.Append(text);
        }

        return built.ToString(0, length);
    }

    /// <summary>Every string value in the JSON, decoded: what the platform would render.</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Strings(property.Value)),
        _ => [],
    };

    private static void AssertNoControlCharactersOrOpenOverrides(string text)
    {
        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
        foreach (var line in text.Split('\n'))
        {
            // Every embedding, override or isolate opened in a string is closed before the string ends.
            var depth = 0;
            foreach (var c in line)
            {
                depth += c is '\u202A' or '\u202B' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' ? 1 : c is '\u202C' or '\u2069' ? -1 : 0;
                depth = Math.Max(depth, 0);
            }

            Assert.True(depth == 0, $"a direction override left open: {line[..Math.Min(line.Length, 200)]}");
        }
    }
}
