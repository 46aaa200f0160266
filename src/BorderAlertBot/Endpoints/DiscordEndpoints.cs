using BorderAlertBot.Discord;
using BorderAlertBot.Discord.Interactions;
using BorderAlertBot.Discord.Interactions.Signing;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Endpoints;

/// <summary>
/// <c>POST /discord/interactions</c>, the Interactions Endpoint URL (platforms/discord.md §1): the raw body is read
/// whole, up to <see cref="MaxBodyBytes"/> (413 beyond), and handed unparsed to the handler, which checks the signature
/// before anything else (<see cref="SignedRequests"/>). 404 while no public key is configured.
/// </summary>
public static class DiscordEndpoints
{
    /// <summary>An interaction is a few kilobytes; more is not Discord.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string InteractionsPath = "/discord/interactions";

    public static IEndpointRouteBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(InteractionsPath, ReceiveAsync);
        return endpoints;
    }

    private static Task ReceiveAsync(HttpContext context, IOptions<DiscordOptions> options)
    {
        if (!options.Value.AcceptsInteractions)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var signature = context.Request.Headers[InteractionSignature.SignatureHeader];
        var timestamp = context.Request.Headers[InteractionSignature.TimestampHeader];
        return SignedRequests.ReceiveAsync(context, MaxBodyBytes, async (body, cancellationToken) =>
        {
            var handler = context.RequestServices.GetRequiredService<DiscordInteractionHandler>();
            var reply = await handler.HandleAsync(new InteractionRequest(signature, timestamp, body), cancellationToken);
            return new SignedReply(reply.Status, reply.Json, reply.Then);
        });
    }
}
