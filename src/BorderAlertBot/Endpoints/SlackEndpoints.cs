using BorderAlertBot.Slack;
using BorderAlertBot.Slack.Inbound;
using BorderAlertBot.Slack.Signing;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Endpoints;

/// <summary>
/// <c>POST /slack/commands</c> and <c>POST /slack/interactivity</c>, the Request URLs of the Slack app in HTTP mode
/// (platforms/slack.md §1, §2): the raw body is read whole, up to <see cref="MaxBodyBytes"/> (413 beyond), and handed
/// unparsed to <see cref="SlackHttpRequests"/>, which checks the signature before anything else (<see cref="SignedRequests"/>).
/// 404 while no signing secret is configured.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>A slash command or a button press is a few kilobytes; more is not Slack.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string CommandsPath = "/slack/commands";

    public const string InteractivityPath = "/slack/interactivity";

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CommandsPath, (HttpContext context, IOptions<SlackOptions> options) =>
            ReceiveAsync(context, options, (requests, signature, timestamp, body, ct) => requests.CommandAsync(signature, timestamp, body, ct)));
        endpoints.MapPost(InteractivityPath, (HttpContext context, IOptions<SlackOptions> options) =>
            ReceiveAsync(context, options, (requests, signature, timestamp, body, ct) => requests.InteractivityAsync(signature, timestamp, body, ct)));
        return endpoints;
    }

    private static Task ReceiveAsync(HttpContext context, IOptions<SlackOptions> options,
        Func<SlackHttpRequests, string?, string?, byte[], CancellationToken, Task<SlackReply>> handle)
    {
        if (!options.Value.AcceptsRequests)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var signature = context.Request.Headers[SlackSignature.SignatureHeader];
        var timestamp = context.Request.Headers[SlackSignature.TimestampHeader];
        return SignedRequests.ReceiveAsync(context, MaxBodyBytes, async (body, cancellationToken) =>
        {
            var reply = await handle(context.RequestServices.GetRequiredService<SlackHttpRequests>(), signature, timestamp, body, cancellationToken);
            return new SignedReply(reply.Status, reply.Json, reply.Then);
        });
    }
}
