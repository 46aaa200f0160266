using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// Discord's REST API v10 (platforms/discord.md §0): every call carries the required <c>User-Agent</c>, and
/// <c>Authorization: Bot</c> unless its path holds its own token; every call goes through the one rate limiter; answers
/// come back as <see cref="DiscordResponse"/>s, never as exceptions for what Discord says (transport failures propagate,
/// and the dispatcher retries them). The base URL is <see cref="DiscordOptions.ApiBaseUrl"/>, for proxies and the fake.
/// The endpoint groups (<see cref="DiscordMessagesApi"/> and the others) build on it.
/// </summary>
public sealed class DiscordRestClient(IHttpClientFactory httpClients, DiscordRateLimiter limiter, DiscordAuthState auth, IOptions<DiscordOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> the calls use.</summary>
    public const string HttpClientName = "discord";

    /// <summary>Our User-Agent, in the form Discord requires: <c>DiscordBot ($url, $versionNumber)</c>.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/borderalertbot/borderalertbot, 1.0)";

    public Task<DiscordResponse> SendAsync(DiscordRoute route, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        if (route.UsesBotToken && auth.IsStopped)
        {
            return Task.FromResult(DiscordResponse.HeldBack("Discord traffic is stopped: the bot token was rejected", DiscordAuthState.RetryAfter));
        }

        return limiter.SendAsync(route, async ct =>
        {
            using var request = new HttpRequestMessage(route.Method, new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + route.Path));
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            if (route.UsesBotToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
            }

            request.Content = content();
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            var answer = await ReadAsync(response, ct);
            if (route.UsesBotToken && (answer.Status == HttpStatusCode.Unauthorized || answer.Code is 40001 or 50014))
            {
                auth.Stop(answer.Describe());
            }

            return answer;
        }, cancellationToken);
    }

    private static async Task<DiscordResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = RateLimitHeaders.Read(response.Headers);
        var answer = new DiscordResponse(response.StatusCode, body) { Headers = headers, Scope = headers.Scope };
        JsonElement? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all (a proxy's page): the status says enough.
            }
        }

        if (json is { ValueKind: JsonValueKind.Object } root)
        {
            answer = answer with
            {
                Json = root,
                Code = root.TryGetProperty("code", out var code) && code.TryGetInt32(out var number) ? number : null,
                Message = root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null,
                Errors = root.TryGetProperty("errors", out var errors) ? errors.GetRawText() : null,
                IsGlobal = headers.IsGlobal || (root.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True),
                RetryAfter = root.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : RateLimitHeaders.RetryAfter(response.Headers),
            };
        }
        else if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            answer = answer with { RetryAfter = RateLimitHeaders.RetryAfter(response.Headers), IsGlobal = headers.IsGlobal };
        }

        // A 429 that carries no rate-limit headers at all is Cloudflare's ban, not a rate limit (§4).
        return response.StatusCode == HttpStatusCode.TooManyRequests && !headers.HasAny ? answer with { IsBan = true } : answer;
    }

    /// <summary>A path segment as Discord wants it: ids are digits, tokens URL-safe; anything else is escaped.</summary>
    internal static string Segment(string value) => Uri.EscapeDataString(value);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
