using System.Globalization;
using System.Net.Http.Headers;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Ingestion.Http;

/// <summary>
/// What the network sources share when they fetch: one User-Agent naming the bot, answers buffered whole under the
/// client's size limit and timeout, and every failure turned into a <see cref="SourceException"/> whose one line names
/// the server and the status but never a query string or credentials.
/// </summary>
internal static class SourceRequests
{
    public static readonly ProductInfoHeaderValue UserAgent = new("BorderAlertBot", "1.0");

    /// <summary>Configures a named client for a source: the User-Agent, a timeout and the largest answer it accepts.</summary>
    public static void Configure(HttpClient client, TimeSpan timeout, long maxResponseBytes)
    {
        client.Timeout = timeout;
        client.MaxResponseContentBufferSize = maxResponseBytes;
        client.DefaultRequestHeaders.UserAgent.Add(UserAgent);
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("(conflict-event alerts)"));
    }

    /// <summary>Sends the request and reads the whole answer; any status is returned, a transport failure is thrown.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var where = Describe(request.RequestUri!); // Every request here is built with an absolute URI.
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(string.Create(CultureInfo.InvariantCulture, $"{where} did not answer within {client.Timeout.TotalSeconds:0} s"), exception);
        }
        catch (HttpRequestException exception)
        {
            throw new SourceException($"{where} could not be read: {exception.Message}", exception);
        }
    }

    /// <summary>The failure for an answer that is not a success (and not a 304 the caller expected).</summary>
    public static SourceException Failed(HttpResponseMessage response, Uri url) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Describe(url)} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}"));

    /// <summary>A URL as it may appear in a message or a log: scheme, host, port and path; never user info or a query.</summary>
    public static string Describe(Uri url) =>
        url.IsAbsoluteUri ? $"{url.Scheme}://{url.Host}{(url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(CultureInfo.InvariantCulture))}{url.AbsolutePath}" : "(relative URL)";
}
