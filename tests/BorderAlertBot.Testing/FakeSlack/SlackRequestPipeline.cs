using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// Every HTTP request goes through here, under the state's gate so limits and state change atomically. Web API order:
/// unknown method (404 <c>unknown_method</c>); the token (§3, §6); the method's tier or, for chat.postMessage, the
/// channel's and the workspace's posting limits (429, §5); a failure asked for; the body; then the method. A delay asked
/// for is served after the state has changed, before the answer is written.
/// </summary>
internal sealed class SlackRequestPipeline(
    FakeSlackOptions options,
    FakeSlackState state,
    SlackRateLimits limits,
    SlackFaults faults,
    WebApiHandlers api,
    Action stateChanged,
    CancellationToken stopping)
{
    private const string Masked = "[token]";

    public Task WebApiAsync(HttpContext context) =>
        RunAsync(context, FakeSlackEndpointKind.WebApi, (raw, now) => WebApi((string)context.Request.RouteValues["method"]!, context.Request, raw, now)); // The route has {method}.

    public Task UploadAsync(HttpContext context) =>
        RunAsync(context, FakeSlackEndpointKind.FileUpload, (raw, now) => Upload((string)context.Request.RouteValues["key"]!, context.Request, raw)); // The route has {key}.

    public Task WebhookAsync(HttpContext context) =>
        RunAsync(context, FakeSlackEndpointKind.IncomingWebhook, (raw, now) => Webhook(context.Request, raw, now));

    public Task ResponseUrlAsync(HttpContext context) =>
        RunAsync(context, FakeSlackEndpointKind.ResponseUrl, (raw, now) => ResponseUrl(context.Request, raw, now));

    public Task UnknownAsync(HttpContext context) =>
        RunAsync(context, FakeSlackEndpointKind.Unknown, (raw, now) => new Outcome(SlackReply.Text(404, "not_found"), null, null, null, []));

    private async Task RunAsync(HttpContext context, FakeSlackEndpointKind endpoint, Func<byte[], DateTimeOffset, Outcome> decide)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, aborted.Token);
            var raw = buffer.ToArray();
            SlackReply reply;
            Task delay;
            lock (state.Gate)
            {
                var now = options.TimeProvider.GetUtcNow();
                var outcome = decide(raw, now);
                reply = outcome.Reply;
                limits.Count(reply);
                state.Record(Snapshot(context.Request, endpoint, outcome, raw, now));
                var wait = faults.DelayFor(outcome.FaultKeys);
                delay = wait > TimeSpan.Zero ? Task.Delay(wait, options.TimeProvider, aborted.Token) : Task.CompletedTask;
            }

            stateChanged();
            await delay;
            await WriteAsync(context.Response, reply, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: there is no one to answer.
        }
    }

    private Outcome WebApi(string method, HttpRequest request, byte[] raw, DateTimeOffset now)
    {
        var args = SlackArguments.Parse(request.ContentType, raw);
        var channel = args.String("channel") ?? args.String("channel_id") ?? args.String("channels")?.Split(',')[0];
        string?[] keys = [method, channel];
        var outcome = (SlackReply reply) => new Outcome(reply, method, channel, args.Error is null ? args : null, keys);
        if (!WebApiHandlers.IsKnown(method))
        {
            return outcome(SlackReply.Fail("unknown_method", status: 404));
        }

        if (Authorize(method, request, args) is { } refused)
        {
            return outcome(refused);
        }

        var limited = method == "chat.postMessage" && channel is not null ? limits.TryPost(channel, now) : limits.TryMethod(method, now);
        if (limited is { } limit)
        {
            return outcome(SlackReply.RateLimited(limit.Wait, limit.Kind));
        }

        if (faults.Take(keys) is { } fault)
        {
            return outcome(Fault(fault, isText: false));
        }

        if (args.Error is { } error)
        {
            return outcome(SlackReply.Fail(error));
        }

        return outcome(api.Handle(method, args, now));
    }

    /// <summary>
    /// §3: the token goes in <c>Authorization: Bearer</c> (required for JSON bodies; a form body may carry <c>token=</c>).
    /// §6: apps.connections.open takes only the app-level token, and only in the header. A missing token is
    /// <c>not_authed</c>, a wrong one <c>invalid_auth</c>, the other kind of our tokens <c>not_allowed_token_type</c>.
    /// </summary>
    private SlackReply? Authorize(string method, HttpRequest request, SlackArguments args)
    {
        var header = request.Headers.Authorization.ToString();
        string? token = null;
        if (header.Length > 0)
        {
            token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : string.Empty;
        }
        else if (!args.IsJson && method != "apps.connections.open")
        {
            token = args.FormToken;
        }

        var (wanted, other) = method == "apps.connections.open" ? (options.AppToken, options.BotToken) : (options.BotToken, options.AppToken);
        if (string.IsNullOrEmpty(token))
        {
            return SlackReply.Fail(token is null ? "not_authed" : "invalid_auth");
        }

        if (token == other)
        {
            return SlackReply.Fail("not_allowed_token_type");
        }

        return token == wanted ? null : SlackReply.Fail("invalid_auth");
    }

    private static SlackReply Fault((string? Error, int? Status, TimeSpan? RetryAfter) fault, bool isText)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            return SlackReply.RateLimited(retryAfter, FakeSlackLimitKind.OnDemand, isText);
        }

        if (fault.Status is { } status)
        {
            return SlackReply.ServerError(status);
        }

        var error = fault.Error!; // A failure has an error, a status or a Retry-After.
        return isText ? SlackReply.Text(WebhookStatus(error), error) : SlackReply.Fail(error);
    }

    /// <summary>The upload URL of step 2 (§3): raw bytes or the first multipart file part; the length must match step 1.</summary>
    private Outcome Upload(string key, HttpRequest request, byte[] raw)
    {
        if (state.UploadByKey(key) is not { } upload)
        {
            return new Outcome(SlackReply.Text(404, "upload_not_found"), null, null, null, []);
        }

        var bytes = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? FirstPart(raw, HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString())
            : raw;
        if (bytes is null || bytes.Length != upload.Length)
        {
            return new Outcome(SlackReply.Text(400, "length_mismatch"), null, null, null, [upload.FileId]);
        }

        upload.Bytes = bytes;
        return new Outcome(SlackReply.Text(200, "OK - " + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, null, null, [upload.FileId]);
    }

    private static byte[]? FirstPart(byte[] raw, string boundary)
    {
        if (boundary.Length == 0)
        {
            return null;
        }

        var reader = new MultipartReader(boundary, new MemoryStream(raw));
        var section = reader.ReadNextSectionAsync().GetAwaiter().GetResult(); // In memory: nothing to wait for.
        if (section is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        section.Body.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// An incoming webhook (§7): JSON <c>text</c> and/or <c>blocks</c>; <c>ok</c> as text, or a text code with 400, 403 or
    /// 404; 1/s with short bursts, then 429 with Retry-After. No ts is returned.
    /// </summary>
    private Outcome Webhook(HttpRequest request, byte[] raw, DateTimeOffset now)
    {
        var team = (string)request.RouteValues["team"]!;
        var id = (string)request.RouteValues["bot"]!;
        var secret = (string)request.RouteValues["secret"]!; // The route has all three.
        var webhook = team == options.TeamId ? state.Webhook(id, secret) : null;
        if (webhook is null)
        {
            return new Outcome(SlackReply.Text(404, "no_service"), null, null, null, [id]);
        }

        string?[] keys = [id, webhook.Channel];
        var outcome = (SlackReply reply, SlackArguments? args) => new Outcome(reply, null, webhook.Channel, args, keys);
        if (limits.TryWebhook(id, now) is { } wait)
        {
            return outcome(SlackReply.RateLimited(wait, FakeSlackLimitKind.Webhook, isText: true), null);
        }

        if (faults.Take(keys) is { } fault)
        {
            return outcome(Fault(fault, isText: true), null);
        }

        var args = SlackArguments.Parse(request.ContentType, raw);
        if (args.Error is not null || !args.IsJson)
        {
            return outcome(SlackReply.Text(400, "invalid_payload"), null);
        }

        if (WebApiHandlers.CheckContent(args, isTextRequired: true) is { } invalid)
        {
            return outcome(SlackReply.Text(400, invalid.Error == "no_text" ? "no_text" : "invalid_payload"), args);
        }

        state.Add(new FakeSlackMessage
        {
            Channel = webhook.Channel,
            Ts = state.NextTs(now),
            Text = WebApiHandlers.Truncate(args.String("text")),
            Blocks = WebApiHandlers.Blocks(args),
            Source = FakeSlackMessageSourceKind.IncomingWebhook,
            PostedAt = now,
            Arguments = args.ToElement(),
        });
        return outcome(SlackReply.Text(200, "ok"), args);
    }

    /// <summary>
    /// A <c>response_url</c> (§1): JSON, up to 5 times within 30 minutes. <c>in_channel</c> posts into the channel
    /// (in the thread with <c>thread_ts</c>), <c>replace_original</c> edits and <c>delete_original</c> deletes the
    /// message the URL came with; ephemeral replies are only recorded.
    /// </summary>
    private Outcome ResponseUrl(HttpRequest request, byte[] raw, DateTimeOffset now)
    {
        var url = state.ResponseUrl((string)request.RouteValues["id"]!, (string)request.RouteValues["secret"]!); // The route has both.
        var address = new Uri(request.Scheme + "://" + request.Host + request.Path);
        if (url is null)
        {
            return new Outcome(SlackReply.Text(404, "no_service"), null, null, null, []);
        }

        string?[] keys = [url.Channel];
        SlackReply Done(SlackReply reply, SlackArguments? args)
        {
            state.Record(new FakeSlackResponsePost(address, url.Channel, args?.ToElement() ?? default, now, reply.Status));
            return reply;
        }

        if (url.Uses >= options.ResponseUrlUses)
        {
            return new Outcome(Done(SlackReply.Text(404, "used_url"), null), null, url.Channel, null, keys);
        }

        if (now - url.CreatedAt > options.ResponseUrlLifetime)
        {
            return new Outcome(Done(SlackReply.Text(404, "expired_url"), null), null, url.Channel, null, keys);
        }

        var args = SlackArguments.Parse(request.ContentType, raw);
        if (args.Error is not null || !args.IsJson)
        {
            return new Outcome(Done(SlackReply.Text(400, "invalid_payload"), null), null, url.Channel, null, keys);
        }

        url.Uses++;
        var isDeleteOnly = args.IsTrue("delete_original") && args.Values.Count == 1;
        if (!isDeleteOnly && WebApiHandlers.CheckContent(args, isTextRequired: true) is { } invalid)
        {
            return new Outcome(Done(SlackReply.Text(400, invalid.Error!), args), null, url.Channel, args, keys); // Every failure has an error.
        }

        Apply(url, args, now);
        return new Outcome(Done(SlackReply.Ok([]), args), null, url.Channel, args, keys);
    }

    private void Apply(FakeSlackState.FakeSlackResponseUrl url, SlackArguments args, DateTimeOffset now)
    {
        var original = url.MessageTs is { } ts ? state.Find(url.Channel, ts) : null;
        if (args.IsTrue("delete_original") && original is not null)
        {
            state.Remove(url.Channel, original.Ts);
            if (args.Values.Count == 1)
            {
                return;
            }
        }
        else if (args.IsTrue("replace_original") && original is not null)
        {
            state.Replace(original with
            {
                Text = WebApiHandlers.Truncate(args.String("text")),
                Blocks = WebApiHandlers.Blocks(args),
                EditCount = original.EditCount + 1,
                EditedAt = now,
                Arguments = args.ToElement(),
            });
            return;
        }

        if (args.String("response_type") == "in_channel")
        {
            state.Add(new FakeSlackMessage
            {
                Channel = url.Channel,
                Ts = state.NextTs(now),
                Text = WebApiHandlers.Truncate(args.String("text")),
                Blocks = WebApiHandlers.Blocks(args),
                ThreadTs = args.String("thread_ts"),
                Source = FakeSlackMessageSourceKind.ResponseUrl,
                PostedAt = now,
                Arguments = args.ToElement(),
            });
        }
    }

    /// <summary>403 for what is forbidden, 404 for what does not exist, 400 for a bad payload (§7).</summary>
    private static int WebhookStatus(string error) => error switch
    {
        "channel_is_archived" or "action_prohibited" or "posting_to_general_channel_denied" or "team_disabled" or "invalid_token" => 403,
        "channel_not_found" or "no_service" or "no_service_id" or "no_team" or "no_active_hooks" or "user_not_found" => 404,
        _ => 400,
    };

    private FakeSlackRequest Snapshot(HttpRequest request, FakeSlackEndpointKind endpoint, Outcome outcome, byte[] raw, DateTimeOffset now) => new()
    {
        Sequence = state.NextSequence,
        Endpoint = endpoint,
        ApiMethod = outcome.ApiMethod,
        HttpMethod = request.Method,
        Path = request.Path.ToString(),
        ContentType = request.ContentType,
        Headers = request.Headers
            .Where(header => !header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(header => header.Key, header => string.Join(", ", (IEnumerable<string?>)header.Value), StringComparer.OrdinalIgnoreCase),
        Body = endpoint == FakeSlackEndpointKind.FileUpload ? string.Empty : Mask(Encoding.UTF8.GetString(raw), outcome.Arguments?.FormToken),
        BodyLength = raw.Length,
        Arguments = outcome.Arguments is { } args ? JsonSerializer.SerializeToElement(MaskArguments(args.Values)) : null,
        Channel = outcome.Channel,
        ReceivedAt = now,
        Status = outcome.Reply.Status,
        Error = outcome.Reply.Error,
    };

    private string Mask(string body, string? formToken)
    {
        foreach (var token in new[] { options.BotToken, options.AppToken, formToken })
        {
            if (!string.IsNullOrEmpty(token))
            {
                body = body.Replace(Uri.EscapeDataString(token), Masked, StringComparison.Ordinal).Replace(token, Masked, StringComparison.Ordinal);
            }
        }

        return body;
    }

    private JsonObject MaskArguments(JsonObject values)
    {
        var copy = JsonNode.Parse(Mask(values.ToJsonString(), null))!.AsObject(); // A JSON object stays one.
        copy.Remove("token");
        return copy;
    }

    private static async Task WriteAsync(HttpResponse response, SlackReply reply, CancellationToken cancellationToken)
    {
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        response.ContentType = reply.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken);
    }

    private sealed record Outcome(SlackReply Reply, string? ApiMethod, string? Channel, SlackArguments? Arguments, string?[] FaultKeys);
}
