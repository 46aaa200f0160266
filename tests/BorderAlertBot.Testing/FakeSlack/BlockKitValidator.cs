using System.Globalization;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// The Block Kit limits of §4 for a message: at most 50 blocks; <c>header</c> plain_text ≤ 150; <c>section</c> text
/// 1–3000, or ≤ 10 fields of ≤ 2000; <c>context</c> 1–10 image/plain_text/mrkdwn elements; <c>actions</c> 1–25
/// elements; buttons with plain_text ≤ 75; <c>block_id</c>/<c>action_id</c> ≤ 255; <c>image</c> alt_text ≤ 2000,
/// image_url ≤ 3000, title ≤ 2000; <c>markdown</c> ≤ 12,000 in total. Each problem becomes one
/// <c>response_metadata.messages</c> entry naming the JSON pointer, as Slack's <c>invalid_blocks</c> answers do.
/// </summary>
internal static class BlockKitValidator
{
    public const int MaxBlocks = 50;
    public const int MaxHeaderText = 150;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxContextElements = 10;
    public const int MaxActionsElements = 25;
    public const int MaxButtonText = 75;
    public const int MaxId = 255;
    public const int MaxAltText = 2000;
    public const int MaxImageUrl = 3000;
    public const int MaxMarkdownTotal = 12_000;

    private static readonly string[] KnownBlocks = ["header", "section", "context", "actions", "divider", "image", "markdown", "rich_text", "file", "input", "video"];

    public static IReadOnlyList<string> Validate(JsonNode? blocks)
    {
        var problems = new List<string>();
        if (blocks is not JsonArray array)
        {
            problems.Add("[ERROR] must be an array [json-pointer:/blocks]");
            return problems;
        }

        if (array.Count > MaxBlocks)
        {
            problems.Add($"[ERROR] no more than {MaxBlocks} items allowed [json-pointer:/blocks]");
        }

        var markdownTotal = 0;
        for (var i = 0; i < array.Count; i++)
        {
            var at = "/blocks/" + i.ToString(CultureInfo.InvariantCulture);
            if (array[i] is not JsonObject block || Str(block, "type") is not { } type)
            {
                problems.Add($"[ERROR] missing required field: type [json-pointer:{at}]");
                continue;
            }

            if (!KnownBlocks.Contains(type))
            {
                problems.Add($"[ERROR] unsupported type: {type} [json-pointer:{at}/type]");
                continue;
            }

            MaxLength(problems, Str(block, "block_id"), MaxId, at + "/block_id");
            switch (type)
            {
                case "header":
                    TextObject(problems, block["text"], at + "/text", plainOnly: true, min: 1, max: MaxHeaderText, isRequired: true);
                    break;
                case "section":
                    Section(problems, block, at);
                    break;
                case "context":
                    Context(problems, block, at);
                    break;
                case "actions":
                    Actions(problems, block, at);
                    break;
                case "image":
                    Image(problems, block, at);
                    break;
                case "markdown":
                    markdownTotal += Str(block, "text")?.Length ?? 0;
                    break;
            }
        }

        if (markdownTotal > MaxMarkdownTotal)
        {
            problems.Add($"[ERROR] markdown blocks must total no more than {MaxMarkdownTotal} characters [json-pointer:/blocks]");
        }

        return problems;
    }

    private static void Section(List<string> problems, JsonObject block, string at)
    {
        var hasText = block["text"] is not null;
        var fields = block["fields"] as JsonArray;
        if (!hasText && fields is null)
        {
            problems.Add($"[ERROR] must provide text or fields [json-pointer:{at}]");
        }

        if (hasText)
        {
            TextObject(problems, block["text"], at + "/text", plainOnly: false, min: 1, max: MaxSectionText, isRequired: true);
        }

        if (fields is not null)
        {
            if (fields.Count > MaxFields)
            {
                problems.Add($"[ERROR] no more than {MaxFields} items allowed [json-pointer:{at}/fields]");
            }

            for (var i = 0; i < fields.Count; i++)
            {
                TextObject(problems, fields[i], $"{at}/fields/{i}", plainOnly: false, min: 1, max: MaxFieldText, isRequired: true);
            }
        }

        if (block["accessory"] is JsonObject accessory && Str(accessory, "type") == "button")
        {
            Button(problems, accessory, at + "/accessory");
        }
    }

    private static void Context(List<string> problems, JsonObject block, string at)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            problems.Add($"[ERROR] must provide at least 1 element [json-pointer:{at}/elements]");
            return;
        }

        if (elements.Count > MaxContextElements)
        {
            problems.Add($"[ERROR] no more than {MaxContextElements} items allowed [json-pointer:{at}/elements]");
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var where = $"{at}/elements/{i}";
            var type = elements[i] is JsonObject element ? Str(element, "type") : null;
            if (type is "plain_text" or "mrkdwn")
            {
                TextObject(problems, elements[i], where, plainOnly: false, min: 1, max: MaxSectionText, isRequired: true);
            }
            else if (type != "image")
            {
                problems.Add($"[ERROR] must be one of image, plain_text or mrkdwn [json-pointer:{where}/type]");
            }
        }
    }

    private static void Actions(List<string> problems, JsonObject block, string at)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            problems.Add($"[ERROR] must provide at least 1 element [json-pointer:{at}/elements]");
            return;
        }

        if (elements.Count > MaxActionsElements)
        {
            problems.Add($"[ERROR] no more than {MaxActionsElements} items allowed [json-pointer:{at}/elements]");
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is JsonObject element && Str(element, "type") == "button")
            {
                Button(problems, element, $"{at}/elements/{i}");
            }
        }
    }

    private static void Button(List<string> problems, JsonObject button, string at)
    {
        TextObject(problems, button["text"], at + "/text", plainOnly: true, min: 1, max: MaxButtonText, isRequired: true);
        MaxLength(problems, Str(button, "action_id"), MaxId, at + "/action_id");
    }

    private static void Image(List<string> problems, JsonObject block, string at)
    {
        if (Str(block, "alt_text") is not { Length: > 0 } altText)
        {
            problems.Add($"[ERROR] missing required field: alt_text [json-pointer:{at}/alt_text]");
        }
        else
        {
            MaxLength(problems, altText, MaxAltText, at + "/alt_text");
        }

        if (Str(block, "image_url") is null && block["slack_file"] is null)
        {
            problems.Add($"[ERROR] must provide image_url or slack_file [json-pointer:{at}]");
        }

        MaxLength(problems, Str(block, "image_url"), MaxImageUrl, at + "/image_url");
        if (block["title"] is not null)
        {
            TextObject(problems, block["title"], at + "/title", plainOnly: true, min: 1, max: MaxAltText, isRequired: false);
        }
    }

    private static void TextObject(List<string> problems, JsonNode? node, string at, bool plainOnly, int min, int max, bool isRequired)
    {
        if (node is not JsonObject text)
        {
            if (isRequired)
            {
                problems.Add($"[ERROR] must be a text object [json-pointer:{at}]");
            }

            return;
        }

        var type = Str(text, "type");
        if (plainOnly ? type != "plain_text" : type is not ("plain_text" or "mrkdwn"))
        {
            problems.Add($"[ERROR] must be {(plainOnly ? "plain_text" : "plain_text or mrkdwn")} [json-pointer:{at}/type]");
        }

        var value = Str(text, "text");
        if (value is null || value.Length < min)
        {
            problems.Add($"[ERROR] must be more than {min - 1} characters [json-pointer:{at}/text]");
        }
        else
        {
            MaxLength(problems, value, max, at + "/text");
        }
    }

    private static void MaxLength(List<string> problems, string? value, int max, string at)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add($"[ERROR] must be less than {max + 1} characters [json-pointer:{at}]");
        }
    }

    private static string? Str(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
