using BorderAlertBot.Answers;
using BorderAlertBot.Discord;
using BorderAlertBot.Discord.Interactions;
using BorderAlertBot.Discord.Interactions.Signing;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Endpoints;

/// <summary>
/// <c>POST /discord/interactions</c>, the Interactions Endpoint URL (platforms/discord.md §1): the raw body is read
/// whole, up to <see cref="MaxBodyBytes"/> (413 beyond), and handed unparsed to the handler, which checks the signature
/// before anything else. 404 while no public key is configured.
/// </summary>
public static class DiscordEndpoints
{
    /// <summary>An interaction is a few kilobytes; more is not Discord.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/discord/interactions", ReceiveAsync);
        return endpoints;
    }

    private static async Task ReceiveAsync(HttpContext context, IOptions<DiscordOptions> options, DeferredAnswers deferred)
    {
        if (!options.Value.AcceptsInteractions)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (await RequestBody.ReadAsync(context, MaxBodyBytes) is not { } body)
        {
            return; // 413 or 400 already written.
        }

        var handler = context.RequestServices.GetRequiredService<DiscordInteractionHandler>();
        var reply = await handler.HandleAsync(
            new InteractionRequest(context.Request.Headers[InteractionSignature.SignatureHeader], context.Request.Headers[InteractionSignature.TimestampHeader], body),
            context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        if (reply.Json is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json, context.RequestAborted);
        }

        if (reply.Then is { } then)
        {
            deferred.Enqueue(then);
        }
    }
}
