using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>The Web API methods (§3, §6), once auth, limits and faults have passed. Callers hold the state's gate.</summary>
internal sealed class WebApiHandlers(FakeSlackOptions options, FakeSlackState state, Func<Uri> root, Func<DateTimeOffset, string> openTicket)
{
    /// <summary>Slack truncates a top-level <c>text</c> over 40,000 characters (§4).</summary>
    public const int MaxText = 40_000;

    public const int MaxAltText = 1000;

    public SlackReply Handle(string method, SlackArguments args, DateTimeOffset now) => method switch
    {
        "chat.postMessage" => PostMessage(args, now),
        "chat.update" => Update(args, now),
        "files.getUploadURLExternal" => GetUploadUrl(args),
        "files.completeUploadExternal" => CompleteUpload(args, now),
        "users.info" => UsersInfo(args),
        "auth.test" => AuthTest(),
        "apps.connections.open" => OpenConnection(args, now),
        _ => SlackReply.Fail("unknown_method", status: 404),
    };

    public static bool IsKnown(string method) =>
        method is "chat.postMessage" or "chat.update" or "files.getUploadURLExternal" or "files.completeUploadExternal" or "users.info" or "auth.test" or "apps.connections.open";

    /// <summary>The checks a message body shares on every path: text or blocks, valid blocks, markdown_text alone.</summary>
    public static SlackReply? CheckContent(SlackArguments args, bool isTextRequired)
    {
        var blocks = args.Values["blocks"];
        var hasBlocks = blocks is not null;
        var text = args.String("text");
        var markdown = args.String("markdown_text");
        if (markdown is not null && (text is not null || hasBlocks))
        {
            return SlackReply.Fail("markdown_text_conflict");
        }

        if (isTextRequired && string.IsNullOrEmpty(text) && !hasBlocks && markdown is null && args.Values["attachments"] is null)
        {
            return SlackReply.Fail("no_text");
        }

        if (hasBlocks && BlockKitValidator.Validate(blocks) is { Count: > 0 } problems)
        {
            return SlackReply.Fail("invalid_blocks", problems);
        }

        return null;
    }

    public static string? Truncate(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;

    public static JsonElement? Blocks(SlackArguments args) =>
        args.Values["blocks"] is { } blocks ? JsonSerializer.SerializeToElement(blocks) : null;

    private SlackReply PostMessage(SlackArguments args, DateTimeOffset now)
    {
        if (args.String("channel") is not { Length: > 0 } channel)
        {
            return SlackReply.Fail("channel_not_found");
        }

        if (CheckContent(args, isTextRequired: true) is { } invalid)
        {
            return invalid;
        }

        var threadTs = args.String("thread_ts");
        if (threadTs is not null && state.Find(channel, threadTs) is not { IsThreadReply: false })
        {
            // The fake's choice: a thread_ts that is no top-level message of the channel (unknown, or itself a reply) is refused.
            return SlackReply.Fail("cannot_reply_to_message");
        }

        var message = new FakeSlackMessage
        {
            Channel = channel,
            Ts = state.NextTs(now),
            Text = Truncate(args.String("text") ?? args.String("markdown_text")),
            Blocks = Blocks(args),
            ThreadTs = threadTs,
            IsReplyBroadcast = threadTs is not null && args.IsTrue("reply_broadcast"),
            Source = FakeSlackMessageSourceKind.WebApi,
            PostedAt = now,
            Arguments = args.ToElement(),
        };
        state.Add(message);
        return SlackReply.Ok(new JsonObject { ["channel"] = channel, ["ts"] = message.Ts, ["message"] = Wire(message) });
    }

    private SlackReply Update(SlackArguments args, DateTimeOffset now)
    {
        if (args.String("channel") is not { Length: > 0 } channel)
        {
            return SlackReply.Fail("channel_not_found");
        }

        if (args.String("ts") is not { } ts || state.Find(channel, ts) is not { } message)
        {
            return SlackReply.Fail("message_not_found");
        }

        if (message.Source == FakeSlackMessageSourceKind.IncomingWebhook)
        {
            return SlackReply.Fail("cant_update_message");
        }

        if (CheckContent(args, isTextRequired: false) is { } invalid)
        {
            return invalid;
        }

        var updated = message with
        {
            Text = args.Values.ContainsKey("text") ? Truncate(args.String("text")) : message.Text,
            Blocks = args.Values.ContainsKey("blocks") ? Blocks(args) : message.Blocks,
            EditCount = message.EditCount + 1,
            EditedAt = now,
            Arguments = args.ToElement(),
        };
        state.Replace(updated);
        return SlackReply.Ok(new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["text"] = updated.Text,
            ["message"] = Wire(updated),
        });
    }

    private SlackReply GetUploadUrl(SlackArguments args)
    {
        if (args.String("filename") is not { Length: > 0 } filename)
        {
            return SlackReply.Fail("invalid_arguments", ["[ERROR] missing required field: filename"]);
        }

        if (!int.TryParse(args.Values["length"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return SlackReply.Fail("invalid_arguments", ["[ERROR] length must be a whole number of bytes above 0"]);
        }

        var altText = args.String("alt_txt");
        if (altText is { Length: > MaxAltText })
        {
            return SlackReply.Fail("invalid_arguments", [$"[ERROR] alt_txt must be less than {MaxAltText + 1} characters"]);
        }

        var upload = state.AddUpload(filename, length, altText);
        return SlackReply.Ok(new JsonObject
        {
            ["upload_url"] = new Uri(root(), "upload/v1/" + upload.Key).ToString(),
            ["file_id"] = upload.FileId,
        });
    }

    private SlackReply CompleteUpload(SlackArguments args, DateTimeOffset now)
    {
        if (args.Values["files"] is not JsonArray { Count: > 0 } entries)
        {
            return SlackReply.Fail("invalid_arguments", ["[ERROR] files must be a non-empty array of {id, title}"]);
        }

        var channels = args.String("channel_id") is { Length: > 0 } one ? [one]
            : (args.String("channels") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (channels.Length > 100)
        {
            return SlackReply.Fail("invalid_arguments", ["[ERROR] no more than 100 channels"]);
        }

        var threadTs = args.String("thread_ts");
        if (threadTs is not null && channels.Length != 1)
        {
            return SlackReply.Fail("invalid_arguments", ["[ERROR] thread_ts needs exactly one channel"]);
        }

        if (threadTs is not null && state.Find(channels[0], threadTs) is not { IsThreadReply: false })
        {
            return SlackReply.Fail("cannot_reply_to_message");
        }

        var uploads = new List<(FakeSlackState.PendingUpload Upload, string? Title)>();
        foreach (var entry in entries)
        {
            var id = entry?["id"]?.GetValue<string>();
            if (id is null || state.UploadById(id) is not { Bytes: not null } upload)
            {
                // Never uploaded, already completed, or unknown: Slack has no such pending upload.
                return SlackReply.Fail("file_not_found");
            }

            uploads.Add((upload, entry?["title"]?.GetValue<string>()));
        }

        var comment = args.String("initial_comment");
        var files = new List<FakeSlackFile>();
        foreach (var (upload, title) in uploads)
        {
            var file = new FakeSlackFile
            {
                Id = upload.FileId,
                Filename = upload.Filename,
                Title = title ?? upload.Filename,
                AltText = upload.AltText,
                Bytes = upload.Bytes!, // Checked above: only uploads with bytes get here.
                Channels = channels,
                ThreadTs = threadTs,
                InitialComment = comment,
                CompletedAt = now,
            };
            state.Complete(upload, file);
            files.Add(file);
        }

        foreach (var channel in channels)
        {
            state.Add(new FakeSlackMessage
            {
                Channel = channel,
                Ts = state.NextTs(now),
                Text = comment,
                Blocks = comment is null ? Blocks(args) : null, // blocks are ignored when initial_comment is set (§3).
                ThreadTs = threadTs,
                Source = FakeSlackMessageSourceKind.FileShare,
                PostedAt = now,
                Files = files,
                Arguments = args.ToElement(),
            });
        }

        return SlackReply.Ok(new JsonObject
        {
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["title"] = f.Title })]),
        });
    }

    /// <summary><c>auth.test</c>: the token's workspace and bot user, once the token has passed (§3).</summary>
    private SlackReply AuthTest() => SlackReply.Ok(new JsonObject
    {
        ["url"] = $"https://{options.TeamId.ToLowerInvariant()}.slack.com/",
        ["team"] = "Fake workspace",
        ["user"] = "borderalertbot",
        ["team_id"] = options.TeamId,
        ["user_id"] = options.BotUserId,
        ["bot_id"] = "B0FAKEBOT",
        ["is_enterprise_install"] = false,
    });

    private SlackReply UsersInfo(SlackArguments args)
    {
        if (args.String("user") is not { } id || state.User(id) is not { } user)
        {
            return SlackReply.Fail("user_not_found");
        }

        return SlackReply.Ok(new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = options.TeamId,
                ["name"] = user.Name,
                ["deleted"] = user.IsDeleted,
                ["tz"] = user.TimeZone,
                ["is_admin"] = user.IsAdmin,
                ["is_owner"] = user.IsOwner,
                ["is_primary_owner"] = user.IsPrimaryOwner,
                ["is_bot"] = user.IsBot,
            },
        });
    }

    private SlackReply OpenConnection(SlackArguments args, DateTimeOffset now)
    {
        var ticket = openTicket(now);
        var ws = new UriBuilder(root()) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id={options.AppId}" };
        if (args.IsTrue("debug_reconnects"))
        {
            ws.Query += "&debug_reconnects=true";
        }

        return SlackReply.Ok(new JsonObject { ["url"] = ws.Uri.ToString() });
    }

    public JsonObject Wire(FakeSlackMessage message)
    {
        var wire = new JsonObject
        {
            ["type"] = "message",
            ["user"] = options.BotUserId,
            ["bot_id"] = "B0FAKEBOT",
            ["team"] = options.TeamId,
            ["ts"] = message.Ts,
            ["text"] = message.Text ?? string.Empty,
        };
        if (message.Blocks is { } blocks)
        {
            wire["blocks"] = JsonNode.Parse(blocks.GetRawText());
        }

        if (message.ThreadTs is { } threadTs)
        {
            wire["thread_ts"] = threadTs;
        }

        if (message.EditedAt is not null)
        {
            wire["edited"] = new JsonObject { ["user"] = options.BotUserId, ["ts"] = message.Ts };
        }

        return wire;
    }
}
