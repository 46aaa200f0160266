using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// The route table. Create message, edit message and start thread each have their own bucket (as on Discord, where an
/// edit does not spend a create's budget); webhook executes and interaction follow-ups share one template and so one
/// bucket hash, told apart by their webhook id + token.
/// </summary>
internal static class FakeDiscordRoutes
{
    public const string Prefix = "/api/v10";

    public static readonly FakeRoute CreateMessage = new("POST", "/channels/{channel_id}/messages", RouteKind.CreateMessage, true, LimitKind.Message, true);
    public static readonly FakeRoute EditMessage = new("PATCH", "/channels/{channel_id}/messages/{message_id}", RouteKind.EditMessage, true, LimitKind.Message, true);
    public static readonly FakeRoute StartThread = new("POST", "/channels/{channel_id}/messages/{message_id}/threads", RouteKind.StartThread, true, LimitKind.Message, true);
    public static readonly FakeRoute ExecuteWebhook = new("POST", "/webhooks/{webhook_id}/{webhook_token}", RouteKind.ExecuteWebhook, false, LimitKind.Webhook, true);
    public static readonly FakeRoute EditWebhookMessage = new("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", RouteKind.EditWebhookMessage, false, LimitKind.Webhook, true);
    public static readonly FakeRoute EditOriginal = new("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", RouteKind.EditOriginal, false, LimitKind.Webhook, false);
    public static readonly FakeRoute PutGlobalCommands = new("PUT", "/applications/{application_id}/commands", RouteKind.PutGlobalCommands, true, LimitKind.Command, false);
    public static readonly FakeRoute GetGlobalCommands = new("GET", "/applications/{application_id}/commands", RouteKind.GetGlobalCommands, true, LimitKind.Command, false);
    public static readonly FakeRoute PutGuildCommands = new("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", RouteKind.PutGuildCommands, true, LimitKind.Command, false);
    public static readonly FakeRoute GetGuildCommands = new("GET", "/applications/{application_id}/guilds/{guild_id}/commands", RouteKind.GetGuildCommands, true, LimitKind.Command, false);
    public static readonly FakeRoute GetCurrentUser = new("GET", "/users/@me", RouteKind.GetCurrentUser, true, LimitKind.Command, false);
    public static readonly FakeRoute Unknown = new("*", "/{**path}", RouteKind.Unknown, false, LimitKind.None, false);
    public static readonly FakeRoute WrongMethod = new("*", "/{**path}", RouteKind.WrongMethod, false, LimitKind.None, false);

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private static readonly FakeRoute[] All =
    [
        CreateMessage, EditMessage, StartThread, ExecuteWebhook, EditWebhookMessage, EditOriginal,
        PutGlobalCommands, GetGlobalCommands, PutGuildCommands, GetGuildCommands, GetCurrentUser,
    ];

    public static void Map(WebApplication app, RequestPipeline pipeline)
    {
        foreach (var route in All)
        {
            app.MapMethods(Prefix + route.Template, [route.Method], context => pipeline.HandleAsync(context, route));
        }

        // A known path with a method the fake does not serve gets Discord's 405.
        foreach (var template in All.GroupBy(route => route.Template))
        {
            var others = Methods.Except(template.Select(route => route.Method)).ToArray();
            app.MapMethods(Prefix + template.Key, others, context => pipeline.HandleAsync(context, WrongMethod));
        }

        // Anything else (another version, an unknown path) gets Discord's bare 404, and is still recorded.
        app.MapFallback(context => pipeline.HandleAsync(context, Unknown));
    }
}
