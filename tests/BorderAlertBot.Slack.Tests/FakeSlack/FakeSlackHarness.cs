using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Testing.FakeSlack;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

/// <summary>A <see cref="FakeSlackServer"/> on a fake clock, and a plain <see cref="HttpClient"/> that calls it as the bot would.</summary>
public sealed class FakeSlackHarness : IAsyncDisposable
{
    public const string Token = "xoxb-1111-2222-fakebottoken";
    public const string AppToken = "xapp-1-A0FAKE001-3333-fakeapptoken";
    public const string Channel = "C0ALERTS1";

    private FakeSlackHarness(FakeTimeProvider time, FakeSlackServer server)
    {
        Time = time;
        Server = server;
    }

    public FakeTimeProvider Time { get; }

    public FakeSlackServer Server { get; }

    public HttpClient Http { get; } = new();

    public static CancellationToken Soon => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    public static async Task<FakeSlackHarness> StartAsync(Func<FakeSlackOptions, FakeSlackOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new FakeSlackOptions { BotToken = Token, AppToken = AppToken, TimeProvider = time };
        options = configure?.Invoke(options) ?? options;
        return new FakeSlackHarness(time, await FakeSlackServer.StartAsync(options, CancellationToken.None));
    }

    public Uri Method(string method) => new(Server.ApiBaseUrl, method);

    /// <summary>A JSON Web API call with <c>Authorization: Bearer</c> (the bot token unless told otherwise).</summary>
    public async Task<HttpResponseMessage> CallAsync(string method, string json, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Method(method)) { Content = Json(json) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>A form-encoded Web API call with the bearer token, as the SDKs send files.* and read methods.</summary>
    public async Task<HttpResponseMessage> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> fields, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Method(method)) { Content = new FormUrlEncodedContent(fields) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostMessageAsync(string text, string channel = Channel) =>
        CallAsync("chat.postMessage", JsonSerializer.Serialize(new { channel, text }));

    /// <summary>Posts and returns the new message's ts, asserting success.</summary>
    public async Task<string> PostOkAsync(string text, string channel = Channel)
    {
        using var response = await PostMessageAsync(text, channel);
        var body = await ReadJsonAsync(response);
        Assert.True(body.GetProperty("ok").GetBoolean(), body.ToString());
        return body.GetProperty("ts").GetString()!; // A successful post has a ts.
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an <c>ok:false</c> answer with this error and HTTP status, and returns the body.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, string error, int status = 200)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
