using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c> (platforms/slack.md §6): a form POST with the app-level token in the header, never the
/// body, for a WebSocket URL that is new every time. Refusals of the token are fatal; a 429 waits its
/// <c>Retry-After</c>; anything else is worth another try after a back-off.
/// </summary>
public sealed class SocketModeConnections(IHttpClientFactory httpClientFactory, IOptions<SlackOptions> options)
{
    public const string HttpClientName = "slack-socket-mode";

    private static readonly HashSet<string> FatalErrors =
        ["not_authed", "invalid_auth", "account_inactive", "token_revoked", "user_removed_from_team", "team_disabled", "not_allowed_token_type", "missing_scope"];

    public async Task<SocketModeOpen> OpenAsync(CancellationToken cancellationToken)
    {
        var address = new Uri(new Uri(EndWithSlash(options.Value.ApiBaseUrl)), "apps.connections.open");
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AppToken);
        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return new SocketModeOpen.RetryAfter(TimeSpan.Zero, $"Slack could not be reached ({exception.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SocketModeOpen.RetryAfter(TimeSpan.Zero, "apps.connections.open timed out");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new SocketModeOpen.RetryAfter(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30), "apps.connections.open is rate limited");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new SocketModeOpen.RetryAfter(TimeSpan.Zero, $"apps.connections.open answered HTTP {(int)response.StatusCode}");
            }

            try
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                var root = json.RootElement;
                if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                    && root.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var socket) && socket.Scheme is "wss" or "ws")
                {
                    return new SocketModeOpen.Url(socket);
                }

                var error = root.TryGetProperty("error", out var code) ? code.GetString() ?? "unknown" : "no url in the answer";
                return FatalErrors.Contains(error)
                    ? new SocketModeOpen.Fatal($"Slack refused the app-level token: {error}")
                    : new SocketModeOpen.RetryAfter(TimeSpan.Zero, $"apps.connections.open: {error}");
            }
            catch (JsonException)
            {
                return new SocketModeOpen.RetryAfter(TimeSpan.Zero, "apps.connections.open did not answer JSON");
            }
        }
    }

    private static string EndWithSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
