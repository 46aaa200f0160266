using System.Globalization;
using System.Text.Json.Nodes;
using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Slack.Rest;

/// <summary>
/// Uploading a file in Slack's three steps (platforms/slack.md §3 "Uploading files"; <c>files.upload</c> is retired):
/// ask for an upload URL, post the bytes there, then complete the upload into a channel. Form-encoded, as Slack's SDKs send
/// the files methods.
/// </summary>
public sealed class SlackFilesApi(SlackApiClient client)
{
    /// <summary>Step 1: <c>files.getUploadURLExternal</c>; the answer carries <c>upload_url</c> and <c>file_id</c>.</summary>
    public Task<SlackResponse> GetUploadUrlAsync(string fileName, int length, string? altText, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("filename", fileName),
            new("length", length.ToString(CultureInfo.InvariantCulture)),
        ];
        if (altText is { Length: > 0 })
        {
            fields.Add(new("alt_txt", altText.Length > 1000 ? altText[..1000] : altText));
        }

        return client.PostFormAsync(SlackMethod.FilesGetUploadUrlExternal, channel: null, fields, cancellationToken);
    }

    /// <summary>Step 2: the bytes to the upload URL.</summary>
    public Task<SlackResponse> UploadAsync(Uri uploadUrl, byte[] bytes, CancellationToken cancellationToken) =>
        client.UploadAsync(uploadUrl, bytes, cancellationToken);

    /// <summary>Step 3: <c>files.completeUploadExternal</c> shares the file in the channel, in the thread of <paramref name="threadTs"/> if given. Once per upload.</summary>
    public Task<SlackResponse> CompleteAsync(string fileId, string title, string channel, string? threadTs, CancellationToken cancellationToken)
    {
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title });
        List<KeyValuePair<string, string>> fields =
        [
            new("files", files.ToJsonString()),
            new("channel_id", channel),
        ];
        if (threadTs is { Length: > 0 })
        {
            fields.Add(new("thread_ts", threadTs));
        }

        return client.PostFormAsync(SlackMethod.FilesCompleteUploadExternal, channel, fields, cancellationToken);
    }

    /// <summary>
    /// All three steps for a chart: shared in <paramref name="channel"/> (in the thread of <paramref name="threadTs"/> if
    /// given), titled by its alt text. Null when it is there; otherwise the step that failed and what Slack said.
    /// </summary>
    public async Task<(string Step, string Reason)?> ShareAsync(ChartImage chart, string channel, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var start = await GetUploadUrlAsync(chart.FileName, chart.Png.Length, chart.AltText, cancellationToken);
        if (!start.IsOk || start.Text("upload_url") is not { } url || start.Text("file_id") is not { } fileId
            || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl))
        {
            return ("files.getUploadURLExternal", start.IsOk ? "no upload_url or file_id" : start.Describe());
        }

        var upload = await UploadAsync(uploadUrl, chart.Png, cancellationToken);
        if (!upload.IsOk)
        {
            return ("upload", upload.Describe());
        }

        var complete = await CompleteAsync(fileId, chart.AltText.Length > 0 ? chart.AltText : chart.FileName, channel, threadTs, cancellationToken);
        return complete.IsOk ? null : ("files.completeUploadExternal", complete.Describe());
    }
}
