namespace BorderAlertBot.Discord.Interactions;

/// <summary>
/// The HTTP answer to an interaction POST, and work to do after it is sent: a deferred answer completed with
/// <c>PATCH …/messages/@original</c> once it is ready (platforms/discord.md §1.4).
/// </summary>
/// <param name="Json">The response body (<c>application/json</c>), or null for none.</param>
public sealed record InteractionReply(int Status, string? Json, Func<CancellationToken, Task>? Then = null)
{
    public static InteractionReply Unauthorized { get; } = new(401, """{"message":"invalid request signature"}""");

    public static InteractionReply BadRequest(string message) =>
        new(400, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message }, InteractionJsonContext.Default.DictionaryStringString));
}
