using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Every request goes through the same checks, in this order, all under the state's lock so that limits and state
/// change atomically:
/// an IP ban (<see cref="FakeDiscordServer.FailNextHeaderless429"/>); a body over 25 MiB (413/40005); an unknown route
/// (404) or method (405); on bot-authenticated routes the DiscordBot User-Agent (403/40333), the bot token (401) and the global limit;
/// the route bucket (429, scope user); a scripted failure; a hidden channel write limit (429, scope shared, 20028); the
/// Content-Type and the JSON (50035, 50109); then the endpoint itself. Every answer after the bucket carries the bucket's
/// X-RateLimit headers. A delay for the channel is served after the state has changed, before the response is written,
/// like a slow answer to a request Discord has already carried out.
/// </summary>
internal sealed class RequestPipeline(FakeDiscordOptions options, FakeDiscordState state, FakeDiscordLimits limits, FakeDiscordFaults faults, Action stateChanged, CancellationToken stopping)
{
    private readonly ChannelHandlers _channels = new(options, state);
    private readonly WebhookHandlers _webhooks = new(options, state);
    private readonly CommandHandlers _commands = new(options, state);

    public async Task HandleAsync(HttpContext context, FakeRoute route)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            var body = await RequestBodyReader.ReadAsync(context.Request, aborted.Token);
            FakeResponse response;
            Task delay;
            lock (state.Gate)
            {
                var call = new FakeCall(route, context.Request, body, options.TimeProvider.GetUtcNow());
                call.Target = FakeTarget.Resolve(route, call.Value, call.Query, state, options);
                response = Decide(call);
                limits.Count(response, call.Now);
                state.Record(Snapshot(call, response.Status));

                // Started before anyone hears of the new state, so a test that advances a fake clock once it sees the
                // message stored cannot advance it before the delay's timer exists.
                var wait = faults.DelayFor(call.Target.ChannelId);
                delay = wait > TimeSpan.Zero ? Task.Delay(wait, options.TimeProvider, aborted.Token) : Task.CompletedTask;
            }

            stateChanged();
            await delay;
            await WriteAsync(context.Response, response, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: there is no one to answer.
        }
    }

    private FakeResponse Decide(FakeCall call)
    {
        if (faults.TakeHeaderless429())
        {
            return FakeResponses.Banned();
        }

        if (faults.OutageStatus is { } outage)
        {
            return FakeResponses.Error(outage, 0, outage == 502 ? "502: Bad Gateway" : "503: Service Unavailable");
        }

        if (call.Body.IsTooLarge)
        {
            return FakeResponses.Error(413, 40005, "Request entity too large");
        }

        if (call.Route.Kind == RouteKind.Unknown)
        {
            return FakeResponses.NotFound();
        }

        if (call.Route.Kind == RouteKind.WrongMethod)
        {
            return FakeResponses.Error(405, 0, "405: Method Not Allowed");
        }

        if (call.Route.IsBotAuthenticated)
        {
            if (!IsDiscordBotUserAgent(call.Request.Headers.UserAgent.ToString()))
            {
                return FakeResponses.BadUserAgent();
            }

            if (call.Request.Headers.Authorization.ToString() != "Bot " + options.BotToken)
            {
                return FakeResponses.Unauthorized();
            }

            if (limits.TryGlobal(call.Now) is { } globalWait)
            {
                return FakeResponses.GlobalLimited(globalWait);
            }
        }

        var bucket = limits.Acquire(call.Route, call.Target.Major, call.Now);
        var response = InBucket(call, bucket);
        RateLimitHeaders.Apply(response, bucket);
        return response;
    }

    private FakeResponse InBucket(FakeCall call, BucketState bucket)
    {
        if (!bucket.IsAllowed)
        {
            return FakeResponses.RouteLimited(bucket.ResetAfter);
        }

        if (faults.TakeFailure(call.Target.FaultKeys) is { } failure)
        {
            return failure;
        }

        if (call.Route.IsChannelWrite && call.Target.ChannelId is { } channelId && limits.TryHidden(channelId, call.Now) is { } sharedWait)
        {
            return FakeResponses.SharedLimited(sharedWait);
        }

        if (call.Body.Error is { } error)
        {
            return error;
        }

        return call.Route.Kind switch
        {
            RouteKind.CreateMessage => _channels.Create(call),
            RouteKind.EditMessage => _channels.Edit(call),
            RouteKind.StartThread => _channels.StartThread(call),
            RouteKind.ExecuteWebhook => _webhooks.Execute(call),
            RouteKind.EditWebhookMessage => _webhooks.EditMessage(call),
            RouteKind.EditOriginal => _webhooks.EditOriginal(call),
            RouteKind.PutGlobalCommands => _commands.Put(call, null),
            RouteKind.GetGlobalCommands => _commands.Get(call, null),
            RouteKind.PutGuildCommands => _commands.Put(call, call.Value("guild_id")),
            RouteKind.GetGuildCommands => _commands.Get(call, call.Value("guild_id")),
            RouteKind.GetCurrentUser => FakeResponses.Json(200, new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = options.ApplicationId,
                ["username"] = "BorderAlertBot",
                ["discriminator"] = "0",
                ["bot"] = true,
            }),
            _ => FakeResponses.NotFound(),
        };
    }

    /// <summary><c>DiscordBot ($url, $versionNumber)</c>, extra text allowed after it (§0).</summary>
    private static bool IsDiscordBotUserAgent(string userAgent) =>
        userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal) && userAgent.IndexOf(')', StringComparison.Ordinal) > 0;

    private FakeDiscordRequest Snapshot(FakeCall call, int status) => new()
    {
        Sequence = state.NextSequence,
        Method = call.Request.Method,
        PathAndQuery = call.Request.GetEncodedPathAndQuery(),
        Route = call.Route.Kind is RouteKind.Unknown or RouteKind.WrongMethod ? null : call.Route.Name,
        Headers = call.Request.Headers.ToDictionary(header => header.Key, header => string.Join(", ", (IEnumerable<string?>)header.Value), StringComparer.OrdinalIgnoreCase),
        Body = call.Body.Raw,
        Payload = call.Body.Payload,
        Files = call.Body.Files,
        ReceivedAt = call.Now,
        Status = status,
    };

    private static async Task WriteAsync(HttpResponse response, FakeResponse fake, CancellationToken cancellationToken)
    {
        response.StatusCode = fake.Status;
        foreach (var (name, value) in fake.Headers)
        {
            response.Headers[name] = value;
        }

        if (fake.Body is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(fake.Body.ToJsonString());
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken);
    }
}
