using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

/// <summary>A <see cref="FakeDiscordServer"/> on a fake clock, and a plain <see cref="HttpClient"/> that talks to it as a bot would.</summary>
public sealed class FakeDiscordHarness : IAsyncDisposable
{
    public const string Token = "fake-bot-token";
    public const string UserAgent = "DiscordBot (https://example.org/borderalertbot, 1.0.0)";
    public const string AppId = "1300000000000000001";

    private FakeDiscordHarness(FakeTimeProvider time, FakeDiscordServer server)
    {
        Time = time;
        Server = server;
    }

    public FakeTimeProvider Time { get; }

    public FakeDiscordServer Server { get; }

    public HttpClient Http { get; } = new();

    public static async Task<FakeDiscordHarness> StartAsync(Action<FakeDiscordOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new FakeDiscordOptions { BotToken = Token, ApplicationId = AppId, TimeProvider = time };
        configure?.Invoke(options);
        return new FakeDiscordHarness(time, await FakeDiscordServer.StartAsync(options));
    }

    public Uri Url(string path) => new(Server.ApiBaseUrl + "/" + path.TrimStart('/'));

    /// <summary>A request with the bot's Authorization and User-Agent headers.</summary>
    public HttpRequestMessage BotRequest(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, Url(path)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Http.SendAsync(request);
        }
    }

    public Task<HttpResponseMessage> BotAsync(HttpMethod method, string path, string? json = null) =>
        SendAsync(BotRequest(method, path, json is null ? null : Json(json)));

    public Task<HttpResponseMessage> PostMessageAsync(string channelId, string json) =>
        BotAsync(HttpMethod.Post, $"channels/{channelId}/messages", json);

    /// <summary>A request with no Authorization header, as webhook and interaction routes take.</summary>
    public Task<HttpResponseMessage> AnonymousAsync(HttpMethod method, Uri url, string json) =>
        SendAsync(new HttpRequestMessage(method, url) { Content = Json(json) });

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A multipart body with <c>payload_json</c> and one <c>files[n]</c> part per file, as Discord wants uploads (§3).</summary>
    public static MultipartFormDataContent Multipart(string payloadJson, params (string FileName, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent("fake-discord-boundary") { { Json(payloadJson), "payload_json" } };
        for (var i = 0; i < files.Length; i++)
        {
            var file = new ByteArrayContent(files[i].Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, $"files[{i}]", files[i].FileName);
        }

        return content;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a 400/50035 whose error tree has <c>_errors</c> at <paramref name="path"/> (dotted; "" is the root), and returns the first error code.</summary>
    public static async Task<string> AssertInvalidFormBodyAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(400, (int)response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(50035, body.GetProperty("code").GetInt32());
        Assert.Equal("Invalid Form Body", body.GetProperty("message").GetString());
        var node = body.GetProperty("errors");
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(node.TryGetProperty(segment, out node), $"No errors under '{segment}' of '{path}': {body}");
        }

        Assert.True(node.TryGetProperty("_errors", out var errors), $"No _errors at '{path}': {body}");
        return errors[0].GetProperty("code").GetString()!; // Every error has a code.
    }

    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, int code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await ReadJsonAsync(response)).GetProperty("code").GetInt32());
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
