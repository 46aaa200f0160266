using System.Net;
using System.Net.Sockets;
using System.Text;
using BorderAlertBot.Testing.FakeDiscord;
using BorderAlertBot.Tests.Discord;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Endpoints;

/// <summary>
/// Senders that fail verification again and again are refused with 429 per address, over real HTTP (Kestrel on
/// 127.0.0.1, the forger on 127.0.0.2), while Discord's genuine requests from another address go on untouched.
/// </summary>
public sealed class VerificationFailureTests : IDisposable
{
    private static readonly IPAddress Forger = IPAddress.Parse("127.0.0.2");
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_address_that_keeps_failing_verification_gets_429_while_genuine_requests_from_another_address_all_pass()
    {
        // Arrange
        await using var bot = await StartOverHttpAsync();
        using var forger = ClientFrom(Forger, bot.Client.BaseAddress!);

        // Act: 25 forged pings from the forger, each followed by a genuine one from Discord's side.
        var forged = new List<HttpStatusCode>();
        var genuine = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            forged.Add(await PostAsync(forger, Interactions.Ping().ToJsonString(), new InteractionSigner(), bot.Bot.Time));
            genuine.Add((await bot.PostInteractionAsync(Interactions.Ping().ToJsonString())).Status);
        }

        // Assert: 20 refusals as unsigned, then refused outright; not one genuine request refused or delayed.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 20).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)), forged);
        Assert.All(genuine, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains(bot.Logs.Lines, line => line.Contains("Refusing requests from 127.0.0.2 with 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_block_ends_after_its_time_and_says_when_in_retry_after()
    {
        // Arrange: the forger blocked.
        await using var bot = await StartOverHttpAsync();
        using var forger = ClientFrom(Forger, bot.Client.BaseAddress!);
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(forger, Interactions.Ping().ToJsonString(), new InteractionSigner(), bot.Bot.Time);
        }

        // Act
        using var blocked = await SendAsync(forger, Interactions.Ping().ToJsonString(), new InteractionSigner(), bot.Bot.Time);
        bot.Bot.Time.Advance(TimeSpan.FromMinutes(10));
        var after = await PostAsync(forger, Interactions.Ping().ToJsonString(), new InteractionSigner(), bot.Bot.Time);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), blocked.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task Behind_a_proxy_on_loopback_the_forwarded_address_is_counted_not_the_proxys()
    {
        // Arrange: requests through a TLS proxy on the same host, which appends the sender's address.
        await using var bot = await StartOverHttpAsync();

        // Act
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            forged.Add(await PostAsync(bot.Client, Interactions.Ping().ToJsonString(), new InteractionSigner(), bot.Bot.Time, forwardedFor: "203.0.113.7"));
        }

        var discord = await PostAsync(bot.Client, Interactions.Ping().ToJsonString(), bot.DiscordSigner, bot.Bot.Time, forwardedFor: "198.51.100.1");

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, forged[^1]);
        Assert.Equal(HttpStatusCode.OK, discord);
    }

    private async Task<PlatformsBot> StartOverHttpAsync()
    {
        var bot = await PlatformsBot.StartAsync(_data.DatabasePath, settings: settings => settings["Http:Port"] = "0");
        bot.Bot.UseKestrel();
        bot.Bot.StartServer();
        return bot;
    }

    /// <summary>A client whose connections leave from <paramref name="local"/> (any 127.x address is this host on Linux).</summary>
    private static HttpClient ClientFrom(IPAddress local, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = baseAddress };

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string body, InteractionSigner signer, TimeProvider time, string? forwardedFor = null)
    {
        using var response = await SendAsync(client, body, signer, time, forwardedFor);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string body, InteractionSigner signer, TimeProvider time, string? forwardedFor = null)
    {
        var stamp = InteractionSigner.Timestamp(time);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signer.Sign(stamp, body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", stamp);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }
}
