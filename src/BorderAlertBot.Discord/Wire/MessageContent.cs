using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BorderAlertBot.Discord.Wire;

/// <summary>
/// A message body as HTTP content: JSON, or with files <c>multipart/form-data</c> with the JSON in <c>payload_json</c> and
/// each file in <c>files[n]</c> (platforms/discord.md §3, example C).
/// </summary>
public static class MessageContent
{
    public static HttpContent Create(MessagePayload payload, IReadOnlyList<DiscordFile> files)
    {
        if (files.Count == 0)
        {
            return Json(payload with { Attachments = null });
        }

        var withAttachments = payload with
        {
            Attachments = [.. files.Select((file, index) => new AttachmentInfo(index, file.FileName, file.Description))],
        };
        var multipart = new MultipartFormDataContent();
        multipart.Add(Json(withAttachments), "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            multipart.Add(part, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return multipart;
    }

    public static HttpContent Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new StringContent(JsonSerializer.Serialize(value, type), Encoding.UTF8, "application/json");

    private static StringContent Json(MessagePayload payload) =>
        new(JsonSerializer.Serialize(payload, DiscordWireJsonContext.Default.MessagePayload), Encoding.UTF8, "application/json");
}
