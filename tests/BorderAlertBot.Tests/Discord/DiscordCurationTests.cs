using BorderAlertBot.Cli;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Discord;

/// <summary>
/// The curators' channel on Discord: pending candidates arrive there with Approve and Reject, only configured curators
/// may press them, and the decision edits the message and sends the approved event on to the channels that want it.
/// </summary>
public sealed class DiscordCurationTests : IDisposable
{
    private const string ReadersChannel = "1200000000000000077";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_curator_approves_a_candidate_in_the_curators_channel_and_the_readers_channel_gets_the_alert()
    {
        // Arrange: the curators' channel is the test channel; Alice is a curator; readers subscribe their own channel.
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, settings: settings =>
        {
            settings["Curation:QueueTarget"] = "discord-channel:" + DiscordBot.ChannelId;
            settings["Curation:Curators:0"] = "discord:" + Interactions.AliceId;
        });
        var cli = new CliRunner(_data.DatabasePath, discord.Bot.Settings);
        discord.Bot.StartServer();
        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("subscriptions", "add", "--target", "discord-channel:" + ReadersChannel)).ExitCode);

        // Act 1: a pending candidate comes in.
        await cli.RunAsync("import", _data.Write("pending.json", SessionEvents.CuratedFile(SessionEvents.Clash("Clash reported at Muse gate", severityNote: null, status: "Pending"))));
        var candidate = await MessageAsync(discord, DiscordBot.ChannelId, message => message.EmbedCount > 0);

        // Assert 1: the curators see it with Approve and Reject; nobody else has been told.
        Assert.Equal(["Approve", "Reject"], Buttons(candidate));
        Assert.Equal(["approve:evt_session_muse", "reject:evt_session_muse"], CustomIds(candidate));

        // Act 2: someone who is not a curator presses Approve.
        var (_, refused) = await discord.PostAsync(Interactions.Button("approve:evt_session_muse", DiscordBot.AdminPermissions, userId: "900000000000000099"));

        // Assert 2: told privately, nothing changed.
        Assert.Equal(64, refused!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Only curators can approve or reject candidates; an operator can add discord:900000000000000099 to Curation:Curators", DiscordCommandTests.Text(refused.Value.GetProperty("data")), StringComparison.Ordinal);
        var stillPending = await cli.RunAsync("events", "show", "evt_session_muse");
        Assert.Contains("Pending", stillPending.Output, StringComparison.Ordinal);

        // Act 3: Alice approves.
        var (_, approved) = await discord.PostAsync(Interactions.Button("approve:evt_session_muse"));
        var decided = await MessageAsync(discord, DiscordBot.ChannelId, message => message.Id == candidate.Id && message.EditCount >= 1);
        var alert = await MessageAsync(discord, ReadersChannel, message => message.EmbedCount > 0);

        // Assert 3: Alice is told privately; the candidate's message shows the decision without buttons; readers get the alert.
        Assert.Equal(64, approved!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("Approved evt_session_muse", DiscordCommandTests.Text(approved.Value.GetProperty("data")), StringComparison.Ordinal);
        Assert.Empty(Buttons(decided));
        Assert.Contains("Approved: verified (revision 2, by Alice (discord:900000000000000042))", DiscordCommandTests.Text(decided.Embeds), StringComparison.Ordinal);
        Assert.Equal(["Why?", "Mute 8h"], Buttons(alert));
        var shown = await cli.RunAsync("events", "show", "evt_session_muse");
        Assert.Contains("by Alice (discord:900000000000000042): status Pending → Verified", shown.Output, StringComparison.Ordinal);

        // A second press finds it decided.
        var (_, again) = await discord.PostAsync(Interactions.Button("reject:evt_session_muse"));
        Assert.Contains("is Verified and cannot become Rejected", DiscordCommandTests.Text(again!.Value.GetProperty("data")), StringComparison.Ordinal);
        Assert.Single(discord.Fake.Messages(ReadersChannel), message => message.EmbedCount > 0);
    }

    [Fact]
    public async Task A_rejected_candidate_is_marked_rejected_in_the_curators_channel_and_goes_nowhere_else()
    {
        await using var discord = await DiscordBot.StartAsync(_data.DatabasePath, settings: settings =>
        {
            settings["Curation:QueueTarget"] = "discord-channel:" + DiscordBot.ChannelId;
            settings["Curation:Curators:0"] = "discord:" + Interactions.AliceId;
        });
        var cli = new CliRunner(_data.DatabasePath, discord.Bot.Settings);
        discord.Bot.StartServer();
        await cli.RunAsync("subscriptions", "add", "--target", "discord-channel:" + ReadersChannel);
        await cli.RunAsync("import", _data.Write("pending.json", SessionEvents.CuratedFile(SessionEvents.Clash("Rumoured clash at Muse gate", severityNote: null, status: "Pending"))));
        var candidate = await MessageAsync(discord, DiscordBot.ChannelId, message => message.EmbedCount > 0);

        await discord.PostAsync(Interactions.Button("reject:evt_session_muse"));
        var decided = await MessageAsync(discord, DiscordBot.ChannelId, message => message.Id == candidate.Id && message.EditCount >= 1);
        await discord.Bot.WaitUntilDeliveredAsync(Patience);

        var text = DiscordCommandTests.Text(decided.Embeds);
        Assert.Contains("REJECTED · ", text, StringComparison.Ordinal);
        Assert.Contains("Rejected: rejected by Alice in the curators' channel", text, StringComparison.Ordinal);
        Assert.Empty(Buttons(decided));
        Assert.Empty(discord.Fake.Messages(ReadersChannel));
    }

    private static Task<FakeDiscordMessage> MessageAsync(DiscordBot discord, string channelId, Func<FakeDiscordMessage, bool> condition) =>
        SessionEvents.AdvanceUntilAsync(discord.Bot.Time, () => discord.Fake.Messages(channelId).FirstOrDefault(condition), TimeSpan.FromSeconds(5),
            (probe, ct) => discord.Fake.WhenAsync(_ => probe(), ct), Patience);

    private static List<string?> Buttons(FakeDiscordMessage message) => DiscordSessionTests.Buttons(message);

    private static List<string?> CustomIds(FakeDiscordMessage message) =>
        message.Components.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(button => button.GetProperty("custom_id").GetString()).ToList();
}
