using System.Globalization;
using BorderAlertBot.Answers;

namespace BorderAlertBot.Endpoints;

/// <summary>
/// What the Discord and Slack endpoints share: an address that failed verification too often is refused with 429 before
/// anything is read (<see cref="VerificationFailures"/>); the raw body is read whole up to the limit (413 beyond) and handed
/// unparsed to the platform's handler, which checks the signature before anything else; a 401 counts against the sender's
/// address; the reply is written and any slower follow-up queued. Requests that verify never wait on any of this.
/// </summary>
public static class SignedRequests
{
    public static async Task ReceiveAsync(HttpContext context, int maxBodyBytes, Func<byte[], CancellationToken, Task<SignedReply>> handle)
    {
        var failures = context.RequestServices.GetRequiredService<VerificationFailures>();
        var address = context.Connection.RemoteIpAddress;
        if (failures.BlockedFor(address) is { } retryAfter)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return;
        }

        if (await RequestBody.ReadAsync(context, maxBodyBytes) is not { } body)
        {
            return; // 413 already written.
        }

        var reply = await handle(body, context.RequestAborted);
        if (reply.Status == StatusCodes.Status401Unauthorized)
        {
            failures.Record(address);
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Json is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json, context.RequestAborted);
        }

        if (reply.Then is { } then)
        {
            context.RequestServices.GetRequiredService<DeferredAnswers>().Enqueue(then);
        }
    }
}
