using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>The per-embed limits of §3 ("Embed limits"); returns the characters the embed adds to the 6000 total.</summary>
internal static class EmbedValidator
{
    private const string AttachmentScheme = "attachment://";

    public static int Validate(JsonElement embed, string path, IReadOnlySet<string> fileNames, ValidationErrors errors)
    {
        if (embed.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return 0;
        }

        var size = MessageValidator.Text(embed, "title", path, 256, required: false, errors)
            + MessageValidator.Text(embed, "description", path, 4096, required: false, errors)
            + Fields(embed, path, errors);

        if (Part(embed, "footer", path, errors) is { } footer)
        {
            size += MessageValidator.Text(footer, "text", MessageValidator.Path(path, "footer"), 2048, required: true, errors);
            AttachmentReference(footer, "icon_url", MessageValidator.Path(path, "footer"), fileNames, errors);
        }

        if (Part(embed, "author", path, errors) is { } author)
        {
            size += MessageValidator.Text(author, "name", MessageValidator.Path(path, "author"), 256, required: true, errors);
            AttachmentReference(author, "icon_url", MessageValidator.Path(path, "author"), fileNames, errors);
        }

        foreach (var name in new[] { "image", "thumbnail" })
        {
            if (Part(embed, name, path, errors) is { } media)
            {
                AttachmentReference(media, "url", MessageValidator.Path(path, name), fileNames, errors);
            }
        }

        if (embed.TryGetValue("color", out var color) && (!color.TryGetInt32(out var rgb) || rgb is < 0 or > 0xFFFFFF))
        {
            errors.Add(MessageValidator.Path(path, "color"), "NUMBER_TYPE_MAX", "int value should be between 0 and 16777215.");
        }

        return size;
    }

    private static int Fields(JsonElement embed, string path, ValidationErrors errors)
    {
        if (!embed.TryGetValue("fields", out var fields))
        {
            return 0;
        }

        var fieldsPath = MessageValidator.Path(path, "fields");
        if (fields.ValueKind != JsonValueKind.Array)
        {
            errors.Add(fieldsPath, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return 0;
        }

        if (fields.GetArrayLength() > 25)
        {
            errors.MaxLength(fieldsPath, 25);
        }

        var size = 0;
        var index = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var fieldPath = MessageValidator.Path(fieldsPath, index++);
            if (field.ValueKind != JsonValueKind.Object)
            {
                errors.Add(fieldPath, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            size += MessageValidator.Text(field, "name", fieldPath, 256, required: true, errors)
                + MessageValidator.Text(field, "value", fieldPath, 1024, required: true, errors);
        }

        return size;
    }

    private static JsonElement? Part(JsonElement embed, string name, string path, ValidationErrors errors)
    {
        if (!embed.TryGetValue(name, out var part))
        {
            return null;
        }

        if (part.ValueKind != JsonValueKind.Object)
        {
            errors.Add(MessageValidator.Path(path, name), "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return null;
        }

        return part;
    }

    /// <summary>An <c>attachment://name</c> URL must name a file of this request or an attachment the message keeps (§3).</summary>
    private static void AttachmentReference(JsonElement part, string property, string path, IReadOnlySet<string> fileNames, ValidationErrors errors)
    {
        var url = part.StringOrNull(property);
        if (url is not null && url.StartsWith(AttachmentScheme, StringComparison.Ordinal) && !fileNames.Contains(url[AttachmentScheme.Length..]))
        {
            errors.Add(MessageValidator.Path(path, property), "ATTACHMENT_NOT_FOUND", "No uploaded file is named " + url[AttachmentScheme.Length..] + ".");
        }
    }
}
