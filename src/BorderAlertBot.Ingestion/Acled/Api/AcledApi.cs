using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>
/// The two ACLED endpoints the poller reads, as JSON with a bearer token: <c>api/acled/read</c> (rows uploaded in a
/// timestamp window, with the configured filters) and <c>api/deleted/read</c> (ids deleted in a window). A 401 gets one
/// fresh token and one retry; an envelope with <c>success: false</c> becomes a <see cref="SourceException"/> with ACLED's
/// message; other failures are thrown as <see cref="HttpRequestException"/>s with their status.
/// </summary>
public sealed class AcledApi(IHttpClientFactory httpClients, AcledTokens tokens, IOptions<AcledOptions> options)
{
    public const string HttpClientName = "acled";

    internal async Task<AcledPage<AcledRow>> ReadEventsAsync(long from, long to, int page, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = Join(settings.Query, Invariant($"timestamp={from}|{to}"), "timestamp_where=BETWEEN", Invariant($"page={page}"), Invariant($"limit={settings.PageSize}"), "_format=json");
        using var document = await GetAsync($"api/acled/read?{query}", cancellationToken);
        var rows = Data(document).Select(ToRow).ToList();
        return new AcledPage<AcledRow>(rows, rows.Count >= settings.PageSize);
    }

    internal async Task<AcledPage<string>> ReadDeletedAsync(long from, long to, int page, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = Join(Invariant($"deleted_timestamp={from}|{to}"), "deleted_timestamp_where=BETWEEN", Invariant($"page={page}"), Invariant($"limit={settings.PageSize}"), "_format=json");
        using var document = await GetAsync($"api/deleted/read?{query}", cancellationToken);
        var rows = Data(document).ToList();
        var ids = rows.Select(row => Text(row, "event_id_cnty")?.Trim()).OfType<string>().Where(id => id.Length > 0).ToList();
        return new AcledPage<string>(ids, rows.Count >= settings.PageSize);
    }

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var address = new Uri(options.Value.BaseUrl, pathAndQuery);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(cancellationToken);
            using var client = httpClients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Refused(token);
                if (attempt == 1)
                {
                    continue;
                }

                throw new SourceException("ACLED refused the credentials (401) even with a fresh token");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"ACLED answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
            }

            var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || (document.RootElement.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False))
            {
                var message = ErrorMessage(document.RootElement);
                document.Dispose();
                throw new SourceException($"ACLED answered with an error: {message}");
            }

            return document;
        }
    }

    private static IEnumerable<JsonElement> Data(JsonDocument document) =>
        document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Where(row => row.ValueKind == JsonValueKind.Object)
            : [];

    private static string ErrorMessage(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            var messages = error.ValueKind == JsonValueKind.Array
                ? error.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var m) ? m.ToString() : item.ToString())
                : [error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var single) ? single.ToString() : error.ToString()];
            var text = string.Join("; ", messages.Where(message => message.Length > 0));
            return text.Length > 300 ? text[..300] + "…" : text;
        }

        return "no message";
    }

    /// <summary>ACLED sends every value as a string; numbers are taken as their text too.</summary>
    private static AcledRow ToRow(JsonElement row) => AcledRow.From(name => Text(row, name));

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    private static string Join(params string[] parts) =>
        string.Join('&', parts.Where(part => part.Length > 0).Select(part => part.Trim('&')));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
