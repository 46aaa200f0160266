using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Reads a body the way Discord accepts one (§0, §3): <c>application/json</c>, <c>multipart/form-data</c> with a
/// boundary (a <c>payload_json</c> part plus <c>files[n]</c> parts that carry a filename) or
/// <c>application/x-www-form-urlencoded</c>. Any other Content-Type on a non-empty body is 50035; broken JSON is 50109;
/// over 25 MiB is 413/40005.
/// </summary>
internal static class RequestBodyReader
{
    public const int MaxRequestBytes = 25 * 1024 * 1024;

    public static async Task<ParsedBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var raw = buffer.ToArray();
        if (raw.Length > MaxRequestBytes)
        {
            return new ParsedBody(raw, null, [], null, IsTooLarge: true);
        }

        if (raw.Length == 0)
        {
            return ParsedBody.Empty(raw);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return ParsedBody.Failed(raw, FakeResponses.ContentTypeInvalid());
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseJson(raw, out var payload) ? new ParsedBody(raw, payload, [], null, false) : ParsedBody.Failed(raw, FakeResponses.InvalidJson());
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return ReadForm(raw);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) && boundary.Length > 0)
        {
            return await ReadMultipartAsync(raw, boundary.ToString(), cancellationToken);
        }

        return ParsedBody.Failed(raw, FakeResponses.ContentTypeInvalid());
    }

    private static ParsedBody ReadForm(byte[] raw)
    {
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(raw));
        if (fields.TryGetValue("payload_json", out var json))
        {
            return TryParseJson(Encoding.UTF8.GetBytes(json.ToString()), out var payload)
                ? new ParsedBody(raw, payload, [], null, false)
                : ParsedBody.Failed(raw, FakeResponses.InvalidJson());
        }

        var body = new JsonObject();
        foreach (var (name, value) in fields)
        {
            body[name] = value.ToString();
        }

        return new ParsedBody(raw, JsonSerializer.SerializeToElement(body), [], null, false);
    }

    private static async Task<ParsedBody> ReadMultipartAsync(byte[] raw, string boundary, CancellationToken cancellationToken)
    {
        var files = new List<FakeDiscordFile>();
        var fields = new JsonObject();
        JsonElement? payload = null;
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(raw));
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    return ParsedBody.Failed(raw, FakeResponses.InvalidFormBody("", "MULTIPART_INVALID", "Every part needs a Content-Disposition."));
                }

                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                var fileName = disposition.FileNameStar.HasValue
                    ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar).ToString()
                    : HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
                var index = FileIndex(name);
                if (fileName.Length > 0)
                {
                    files.Add(new FakeDiscordFile(name, fileName, section.ContentType, content.ToArray(), index));
                }
                else if (index is not null)
                {
                    return ParsedBody.Failed(raw, FakeResponses.InvalidFormBody(name, "BASE_TYPE_REQUIRED", "A files[n] part needs a filename."));
                }
                else if (name == "payload_json")
                {
                    if (!TryParseJson(content.ToArray(), out var parsed))
                    {
                        return ParsedBody.Failed(raw, FakeResponses.InvalidJson());
                    }

                    payload = parsed;
                }
                else
                {
                    fields[name] = Encoding.UTF8.GetString(content.ToArray());
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            return ParsedBody.Failed(raw, FakeResponses.InvalidFormBody("", "MULTIPART_INVALID", "The multipart body could not be read."));
        }

        payload ??= fields.Count > 0 ? JsonSerializer.SerializeToElement(fields) : null;
        return new ParsedBody(raw, payload, files, null, false);
    }

    /// <summary>n of a part named <c>files[n]</c>.</summary>
    private static int? FileIndex(string name) =>
        name.StartsWith("files[", StringComparison.Ordinal) && name.EndsWith(']')
        && int.TryParse(name.AsSpan(6, name.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static bool TryParseJson(byte[] json, out JsonElement payload)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            payload = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            payload = default;
            return false;
        }
    }
}
