using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Slack.Inbound;

/// <summary>
/// Follow-up answers through a command's or an interaction's <c>response_url</c> (platforms/slack.md §1): JSON, no
/// token, up to 5 posts within 30 minutes, and it works in channels the bot has not joined. The URL is a capability,
/// so it is never logged.
/// </summary>
public sealed partial class SlackResponseUrl(IHttpClientFactory httpClientFactory, ILogger<SlackResponseUrl> logger)
{
    public const string HttpClientName = "slack-response-url";

    /// <summary>Slack accepts at most this many posts to one response URL.</summary>
    public const int MaxPosts = 5;

    public async Task<bool> PostAsync(string responseUrl, string json, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            Log.NotAUrl(logger);
            return false;
        }

        try
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            using var response = await httpClientFactory.CreateClient(HttpClientName).PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.Refused(logger, (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException exception)
        {
            Log.Unreachable(logger, exception.Message.Replace(url.ToString(), "<response_url>", StringComparison.Ordinal));
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Unreachable(logger, "timed out");
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A Slack response_url was not an http(s) URL; the answer was dropped")]
        public static partial void NotAUrl(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Slack refused a follow-up answer with HTTP {Status}")]
        public static partial void Refused(ILogger logger, int status);

        [LoggerMessage(3, LogLevel.Warning, "A follow-up answer could not reach Slack: {Reason}")]
        public static partial void Unreachable(ILogger logger, string reason);
    }
}
