using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Discord;

/// <summary>
/// The whole bot in memory with Discord configured against a fake Discord server on loopback: the bot's REST calls go to
/// the fake over real HTTP; interactions are signed with a key made for the test and posted to the bot's endpoint. Bot
/// and fake share one <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>, so rate-limit windows agree.
/// </summary>
public sealed class DiscordBot : IAsyncDisposable
{
    public const string Token = "bot-token-for-tests";
    public const string ApplicationId = "1300000000000000001";
    public const string GuildId = "1100000000000000001";
    public const string ChannelId = "1200000000000000009";

    /// <summary>Manage Channels (1 &lt;&lt; 4) plus the usual member bits.</summary>
    public const string AdminPermissions = "2248473465835088";

    /// <summary>Send Messages and View Channel, no Manage Channels.</summary>
    public const string MemberPermissions = "3072";

    private HttpClient? _client;

    private DiscordBot(BotFactory bot, FakeDiscordServer fake, InteractionSigner signer)
    {
        Bot = bot;
        Fake = fake;
        Signer = signer;
    }

    public BotFactory Bot { get; }

    public FakeDiscordServer Fake { get; }

    public InteractionSigner Signer { get; }

    public HttpClient Client => _client ??= Bot.CreateClient();

    /// <summary>A bot on <paramref name="databasePath"/> (the sample scenario off unless asked) talking to a fresh fake.</summary>
    public static async Task<DiscordBot> StartAsync(string databasePath, bool withSample = false, Action<Dictionary<string, string?>>? settings = null)
    {
        var bot = new BotFactory(databasePath);
        var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { BotToken = Token, ApplicationId = ApplicationId, TimeProvider = bot.Time });
        var signer = new InteractionSigner();
        bot.Settings["Sample:LoadIntoEmptyStore"] = withSample ? "true" : "false";
        bot.Settings["Discord:BotToken"] = Token;
        bot.Settings["Discord:ApplicationId"] = ApplicationId;
        bot.Settings["Discord:PublicKey"] = signer.PublicKeyHex;
        bot.Settings["Discord:ApiBaseUrl"] = fake.ApiBaseUrl.ToString();
        settings?.Invoke(bot.Settings);
        return new DiscordBot(bot, fake, signer);
    }

    /// <summary>Signs and posts an interaction; returns the status and the JSON answer, if any.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostAsync(JsonObject interaction, string? timestamp = null)
    {
        var body = interaction.ToJsonString();
        var stamp = timestamp ?? InteractionSigner.Timestamp(Bot.Time);
        return await PostRawAsync(Encoding.UTF8.GetBytes(body), stamp, Signer.Sign(stamp, body));
    }

    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostRawAsync(byte[] body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : null);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
