using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// A Web API body read as Slack reads it (§3): <c>application/json</c> (an object) or
/// <c>application/x-www-form-urlencoded</c>, where <c>blocks</c>, <c>attachments</c> and <c>files</c> are JSON-encoded
/// strings. Either way the arguments end up as one JSON object.
/// </summary>
internal sealed record SlackArguments(JsonObject Values, bool IsJson, string? FormToken, string? Error)
{
    private static readonly string[] JsonEncodedFields = ["blocks", "attachments", "files"];

    public static SlackArguments Parse(string? contentType, byte[] raw)
    {
        if (raw.Length == 0)
        {
            return new SlackArguments([], false, null, null);
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return Failed("missing_post_type");
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return JsonNode.Parse(raw) is JsonObject values ? new SlackArguments(values, true, null, null) : Failed("invalid_json");
            }
            catch (JsonException)
            {
                return Failed("invalid_json");
            }
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return ParseForm(Encoding.UTF8.GetString(raw));
        }

        return Failed("invalid_post_type");
    }

    public string? String(string name) => Values[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A boolean sent as JSON true or as the form strings <c>true</c>/<c>1</c>.</summary>
    public bool IsTrue(string name) => Values[name] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => text is "true" or "1",
        _ => false,
    };

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(Values);

    private static SlackArguments ParseForm(string body)
    {
        var values = new JsonObject();
        string? token = null;
        foreach (var (name, value) in QueryHelpers.ParseQuery(body))
        {
            var text = value.ToString();
            if (name == "token")
            {
                token = text;
                continue;
            }

            if (JsonEncodedFields.Contains(name))
            {
                try
                {
                    values[name] = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    return Failed(name == "blocks" ? "invalid_blocks_format" : "invalid_array_arg");
                }
            }
            else
            {
                values[name] = text;
            }
        }

        return new SlackArguments(values, false, token, null);
    }

    private static SlackArguments Failed(string error) => new([], false, null, error);
}
