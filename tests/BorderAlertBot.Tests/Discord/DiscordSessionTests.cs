using System.Text;
using System.Text.Json;
using BorderAlertBot.Cli;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Discord;

/// <summary>
/// A whole working session against the fake Discord: register the command, subscribe a channel, import events with the
/// CLI, see the alert, its edit and thread reply, ask why, get the digest with its chart, and see the retraction.
/// </summary>
public sealed class DiscordSessionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_newsroom_registers_subscribes_and_follows_an_event_from_alert_to_digest_to_retraction()
    {
        // Arrange: the bot runs on 2026-11-28 09:00 UTC with Discord set up against the fake.
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var cli = new CliRunner(_data.DatabasePath, discord.Bot.Settings);

        // 1. Register /border in the newsroom's server.
        var registered = await cli.RunAsync("discord", "register-commands", "--guild", DiscordBot.GuildId);
        Assert.Equal(ExitCodes.Success, registered.ExitCode);
        var border = Assert.Single(discord.Fake.Commands(DiscordBot.GuildId));
        Assert.Equal("border", border.GetProperty("name").GetString());
        var subcommands = border.GetProperty("options").GetArrayLength();
        Assert.Contains($"Registered /border with {subcommands} subcommands in server {DiscordBot.GuildId}.", registered.Output, StringComparison.Ordinal);

        // 2. An editor who manages the channel subscribes it to clashes on the border, edits and thread replies both,
        //    and asks for a digest at 07:30 Yangon time.
        discord.Bot.StartServer();
        var (_, subscribed) = await discord.PostAsync(Interactions.Command("subscribe", DiscordBot.AdminPermissions, ("kinds", "clash"), ("regions", "CN-MM"), ("updates", "both")));
        Assert.Contains("Subscribed this channel", DiscordCommandTests.Text(subscribed!.Value.GetProperty("data")), StringComparison.Ordinal);
        var (_, digestSet) = await discord.PostAsync(Interactions.Command("digest", DiscordBot.AdminPermissions, ("time", "07:30"), ("timezone", "Asia/Yangon")));
        Assert.Contains("07:30", DiscordCommandTests.Text(digestSet!.Value.GetProperty("data")), StringComparison.Ordinal);

        // 3. The curator imports a clash whose source text tries to ping everyone and a role.
        var imported = await cli.RunAsync("import", _data.Write("v1.json", SessionEvents.CuratedFile(SessionEvents.Clash("Clash at Muse gate @everyone <@&123>", severityNote: null))));
        Assert.Equal(ExitCodes.Success, imported.ExitCode);
        var alert = await MessageAsync(discord, message => message.EmbedCount > 0);

        // The alert: an embed naming the event, Why?/Mute buttons, and nobody pinged.
        var alertText = DiscordCommandTests.Text(alert.Embeds);
        Assert.Contains("Clash at Muse gate", alertText, StringComparison.Ordinal);
        Assert.Contains("evt_session_muse", alertText, StringComparison.Ordinal);
        Assert.Empty(alert.AllowedMentions!.Value.GetProperty("parse").EnumerateArray());
        Assert.DoesNotContain("@everyone", alert.Embeds.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", alert.Embeds.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["Why?", "Mute 8h"], Buttons(alert));

        // 4. The curator revises it: the alert is edited in place and the change is told in its thread.
        var revised = await cli.RunAsync("import", _data.Write("v2.json", SessionEvents.CuratedFile(SessionEvents.Clash("Heavy clash at Muse gate", severityNote: "120 trucks stranded"))));
        Assert.Equal(ExitCodes.Success, revised.ExitCode);
        var edited = await MessageAsync(discord, message => message.Id == alert.Id && message.EditCount >= 1);
        Assert.Contains("Heavy clash at Muse gate", DiscordCommandTests.Text(edited.Embeds), StringComparison.Ordinal);
        var thread = await discord.Fake.WhenAsync(fake => fake.Threads.Any(t => t.MessageId == alert.Id)).WaitAsync(Patience)
            .ContinueWith(_ => discord.Fake.Threads.Single(t => t.MessageId == alert.Id), TaskScheduler.Default);
        Assert.Equal(DiscordBot.ChannelId, thread.ParentChannelId);
        await discord.Fake.WhenAsync(fake => fake.Messages(thread.Id).Count > 0).WaitAsync(Patience);
        Assert.Contains("title changed", Shown(discord.Fake.Messages(thread.Id)[0]), StringComparison.Ordinal);

        // The dispatcher logs the reply once Discord has answered it; the outbox is empty when it has.
        await discord.Bot.WaitUntilDeliveredAsync(Patience);

        // 5. A reader presses Why? and sees, privately, which subscription matched.
        var (_, why) = await discord.PostAsync(Interactions.Button("why:evt_session_muse", DiscordBot.MemberPermissions));
        var whyData = why!.Value.GetProperty("data");
        Assert.Equal(64, whyData.GetProperty("flags").GetInt32());
        var explained = DiscordCommandTests.Text(whyData);
        Assert.Contains("matched: passed every filter", explained, StringComparison.Ordinal);
        Assert.Contains($"sent as {alert.Id}", explained, StringComparison.Ordinal);
        Assert.Contains($"replied in the thread of {alert.Id}", explained, StringComparison.Ordinal);

        // 6. At 07:30 in Yangon (01:00 UTC) the digest arrives, with the day's chart uploaded.
        var digest = await AdvanceUntilAsync(discord, () => discord.Fake.Messages(DiscordBot.ChannelId).FirstOrDefault(message => message.Attachments.Count > 0), TimeSpan.FromHours(1));
        var chart = Assert.Single(digest.Attachments);
        Assert.EndsWith(".png", chart.FileName, StringComparison.Ordinal);
        Assert.Contains(digest.Embeds.EnumerateArray(), embed =>
            embed.TryGetProperty("image", out var image) && image.GetProperty("url").GetString() == "attachment://" + chart.FileName);
        Assert.Contains("Daily digest", DiscordCommandTests.Text(digest.Embeds), StringComparison.Ordinal);
        Assert.Contains("evt_session_muse", DiscordCommandTests.Text(digest.Embeds), StringComparison.Ordinal);

        // 7. The event is retracted: the alert says so and the thread is told.
        var retracted = await cli.RunAsync("import", _data.Write("v3.json", SessionEvents.CuratedFile(SessionEvents.Clash("Heavy clash at Muse gate", severityNote: "120 trucks stranded", status: "Retracted"))));
        Assert.Equal(ExitCodes.Success, retracted.ExitCode);
        var marked = await MessageAsync(discord, message => message.Id == alert.Id && DiscordCommandTests.Text(message.Embeds).Contains("RETRACTED", StringComparison.Ordinal));
        Assert.True(marked.EditCount >= 2);
        await discord.Fake.WhenAsync(fake => fake.Messages(thread.Id).Count >= 2).WaitAsync(Patience);
        Assert.Contains("Retracted", Shown(discord.Fake.Messages(thread.Id)[^1]), StringComparison.Ordinal);

        // Nothing was sent twice and the bot was never throttled.
        Assert.Single(discord.Fake.Messages(DiscordBot.ChannelId), message => message.EmbedCount > 0 && message.Attachments.Count == 0);
        Assert.Equal(0, discord.Fake.TooManyRequestsSent);
    }

    [Fact]
    public async Task Register_commands_twice_leaves_the_same_single_command()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);
        var cli = new CliRunner(_data.DatabasePath, discord.Bot.Settings);

        var first = await cli.RunAsync("discord", "register-commands");
        var commands = Schema(discord.Fake.Commands());
        var second = await cli.RunAsync("discord", "register-commands");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.Contains("globally", second.Output, StringComparison.Ordinal);
        Assert.Equal(2, discord.Fake.CommandRegistrations());
        Assert.Equal(commands, Schema(discord.Fake.Commands()));
        Assert.Single(commands);
    }

    [Fact]
    public async Task Register_commands_without_discord_settings_says_what_to_set_and_does_nothing()
    {
        var result = await new CliRunner(_data.DatabasePath).RunAsync("discord", "register-commands");

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("set Discord:BotToken and Discord:ApplicationId", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_commands_with_a_guild_that_is_not_an_id_is_refused_before_calling_discord()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath);

        var result = await new CliRunner(_data.DatabasePath, discord.Bot.Settings).RunAsync("discord", "register-commands", "--guild", "newsroom");

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("--guild: 'newsroom' is not a server id", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, discord.Fake.CommandRegistrations(DiscordBot.GuildId));
        Assert.DoesNotContain(DiscordBot.Token, result.Error, StringComparison.Ordinal);
    }

    /// <summary>Waits for a message in the test channel; the watcher sees a CLI import on its next poll, so time moves on.</summary>
    private static Task<FakeDiscordMessage> MessageAsync(DiscordBot discord, Func<FakeDiscordMessage, bool> condition) =>
        AdvanceUntilAsync(discord, () => discord.Fake.Messages(DiscordBot.ChannelId).FirstOrDefault(condition), TimeSpan.FromSeconds(5));

    private static Task<T> AdvanceUntilAsync<T>(DiscordBot discord, Func<T?> probe, TimeSpan step)
        where T : class =>
        SessionEvents.AdvanceUntilAsync(discord.Bot.Time, probe, step, (condition, ct) => discord.Fake.WhenAsync(_ => condition(), ct), Patience);

    /// <summary>What a registration says (name, description, options), without the ids and versions Discord adds.</summary>
    private static List<string> Schema(IReadOnlyList<JsonElement> commands) =>
        commands.Select(command => $"{command.GetProperty("name")} {command.GetProperty("description")} {command.GetProperty("options").GetRawText()}").ToList();

    internal static List<string?> Buttons(FakeDiscordMessage message) =>
        message.Components.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(button => button.GetProperty("label").GetString()).ToList();

    /// <summary>A message's content and embeds as a reader sees them.</summary>
    private static string Shown(FakeDiscordMessage message) =>
        (message.Content ?? string.Empty) + "\n" + DiscordCommandTests.Text(message.Embeds);
}
