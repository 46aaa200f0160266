using System.Globalization;
using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// The form checks Discord makes on a message body (§3), each broken one named in the 50035 error tree: content ≤ 2000
/// code points; ≤ 10 embeds; per embed title 256, description 4096, ≤ 25 fields, field name 256 and value 1024 (both
/// required), footer.text 2048, author.name 256, all counted after trimming whitespace, and those six summed over every
/// embed ≤ 6000; nonce ≤ 25; only the endpoint's flags; <c>allowed_mentions</c> well formed; every
/// <c>attachments[].id</c> and <c>attachment://</c> naming something uploaded or kept; a reply naming a message that exists.
/// </summary>
internal static class MessageValidator
{
    private static readonly string[] MentionKinds = ["users", "roles", "everyone"];

    public static ValidationErrors Validate(JsonElement payload, MessageRules rules)
    {
        var errors = new ValidationErrors();
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return errors;
        }

        Text(payload, "content", "", 2000, required: false, errors);
        Embeds(payload, rules, errors);
        Nonce(payload, errors);
        Flags(payload, rules, errors);
        AllowedMentions(payload, errors);
        Attachments(payload, rules, errors);
        Reference(payload, rules, errors);
        return errors;
    }

    /// <summary>Whether a body to create a message has nothing to show (50006).</summary>
    public static bool IsEmpty(JsonElement payload, IReadOnlyList<FakeDiscordFile> files) =>
        files.Count == 0
        && string.IsNullOrWhiteSpace(payload.StringOrNull("content"))
        && !payload.ArrayOrEmpty("embeds").Any()
        && !payload.ArrayOrEmpty("components").Any()
        && !payload.ArrayOrEmpty("sticker_ids").Any()
        && !payload.TryGetValue("poll", out _);

    /// <summary>Whether a message (after an edit) has nothing left to show (50006).</summary>
    public static bool IsEmpty(FakeDiscordMessage message) =>
        string.IsNullOrWhiteSpace(message.Content) && message.EmbedCount == 0 && message.Attachments.Count == 0 && message.Components.GetArrayLength() == 0;

    public static string Path(string parent, string child) => parent.Length == 0 ? child : parent + "." + child;

    public static string Path(string parent, int index) => Path(parent, index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Checks a string field, trimmed, and returns the code points it counts toward the embed total.</summary>
    public static int Text(JsonElement parent, string name, string parentPath, int max, bool required, ValidationErrors errors, int min = 0)
    {
        var path = Path(parentPath, name);
        if (!parent.TryGetValue(name, out var value))
        {
            if (required)
            {
                errors.Required(path);
            }

            return 0;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, "BASE_TYPE_STRING", "Could not interpret the value as string.");
            return 0;
        }

        var length = value.GetString()!.Trim().CodePoints(); // A JSON string is never null.
        if (required && length == 0)
        {
            errors.Required(path);
        }
        else if (min > 0 && length < min)
        {
            errors.BadLength(path, min, max);
        }
        else if (length > max)
        {
            if (min > 0)
            {
                errors.BadLength(path, min, max);
            }
            else
            {
                errors.MaxLength(path, max);
            }
        }

        return length;
    }

    private static void Embeds(JsonElement payload, MessageRules rules, ValidationErrors errors)
    {
        if (!payload.TryGetValue("embeds", out var embeds))
        {
            return;
        }

        if (embeds.ValueKind != JsonValueKind.Array)
        {
            errors.Add("embeds", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }

        if (embeds.GetArrayLength() > 10)
        {
            errors.MaxLength("embeds", 10);
        }

        var total = 0;
        var index = 0;
        foreach (var embed in embeds.EnumerateArray())
        {
            total += EmbedValidator.Validate(embed, Path("embeds", index++), rules.FileNames, errors);
        }

        if (total > 6000)
        {
            errors.Add("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
    }

    private static void Nonce(JsonElement payload, ValidationErrors errors)
    {
        if (!payload.TryGetValue("nonce", out var nonce))
        {
            return;
        }

        if (nonce.ValueKind == JsonValueKind.Number ? !nonce.TryGetInt64(out _) : nonce.ValueKind != JsonValueKind.String)
        {
            errors.Add("nonce", "NONCE_TYPE_INVALID", "The nonce must be a string or an integer.");
        }
        else if (nonce.IdText()!.CodePoints() > 25) // A string or number always has text.
        {
            errors.MaxLength("nonce", 25);
        }
    }

    private static void Flags(JsonElement payload, MessageRules rules, ValidationErrors errors)
    {
        var flags = rules.ExistingFlags;
        if (payload.TryGetValue("flags", out var value))
        {
            if (!value.TryGetInt32(out flags))
            {
                errors.Add("flags", "NUMBER_TYPE_COERCE", "Value is not int.");
                return;
            }

            if ((flags & ~rules.AllowedFlags) != 0)
            {
                errors.Add("flags", "MESSAGE_FLAGS_INVALID", "Only these flags may be set here: " + rules.AllowedFlags.ToString(CultureInfo.InvariantCulture) + ".");
            }

            if ((rules.ExistingFlags & MessageRules.ComponentsV2) != 0 && (flags & MessageRules.ComponentsV2) == 0)
            {
                errors.Add("flags", "MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG", "The IS_COMPONENTS_V2 flag cannot be removed.");
            }
        }

        var usesLegacyFields = !string.IsNullOrEmpty(payload.StringOrNull("content")) || payload.ArrayOrEmpty("embeds").Any();
        if ((flags & MessageRules.ComponentsV2) != 0 && usesLegacyFields)
        {
            errors.Add("flags", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' and 'embeds' fields cannot be used with IS_COMPONENTS_V2.");
        }
    }

    private static void AllowedMentions(JsonElement payload, ValidationErrors errors)
    {
        if (!payload.TryGetValue("allowed_mentions", out var mentions))
        {
            return;
        }

        if (mentions.ValueKind != JsonValueKind.Object)
        {
            errors.Add("allowed_mentions", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return;
        }

        var parse = mentions.ArrayOrEmpty("parse").Select(kind => kind.ValueKind == JsonValueKind.String ? kind.GetString() : null).ToList();
        for (var i = 0; i < parse.Count; i++)
        {
            if (!MentionKinds.Contains(parse[i]))
            {
                errors.Add(Path("allowed_mentions.parse", i), "BASE_TYPE_CHOICES", "Value must be one of {'users', 'roles', 'everyone'}.");
            }
        }

        foreach (var kind in new[] { "users", "roles" })
        {
            if (!mentions.TryGetValue(kind, out var list))
            {
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(Path("allowed_mentions", kind), "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            }
            else if (list.GetArrayLength() > 100)
            {
                errors.MaxLength(Path("allowed_mentions", kind), 100);
            }

            if (parse.Contains(kind))
            {
                errors.Add("allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", $"parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive.");
            }
        }
    }

    private static void Attachments(JsonElement payload, MessageRules rules, ValidationErrors errors)
    {
        var index = 0;
        foreach (var attachment in payload.ArrayOrEmpty("attachments"))
        {
            var path = Path("attachments", index++);
            var id = attachment.TryGetValue("id", out var value) ? value.IdText() : null;
            if (id is null)
            {
                errors.Required(Path(path, "id"));
            }
            else if (!rules.AttachmentIds.Contains(id))
            {
                errors.Add(Path(path, "id"), "ATTACHMENT_NOT_FOUND", "No files[" + id + "] part was uploaded and the message has no attachment with this id.");
            }

            Text(attachment, "description", path, 1024, required: false, errors);
        }
    }

    private static void Reference(JsonElement payload, MessageRules rules, ValidationErrors errors)
    {
        if (rules.ReferenceExists is null || !payload.TryGetValue("message_reference", out var reference))
        {
            return;
        }

        var messageId = reference.TryGetValue("message_id", out var id) ? id.IdText() : null;
        var channelId = reference.StringOrNull("channel_id") ?? rules.ChannelId;
        var mustExist = !reference.TryGetValue("fail_if_not_exists", out var fail) || fail.ValueKind != JsonValueKind.False;
        if (messageId is null)
        {
            errors.Required("message_reference.message_id");
        }
        else if (mustExist && !rules.ReferenceExists(channelId, messageId))
        {
            errors.Add("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
        }
    }
}
