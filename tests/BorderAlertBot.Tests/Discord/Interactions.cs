using System.Text.Json.Nodes;

namespace BorderAlertBot.Tests.Discord;

/// <summary>Interaction bodies as Discord sends them (platforms/discord.md §1.5), for <c>/border</c> in the test guild.</summary>
public static class Interactions
{
    private static long _next = 1401122334455667000;

    public static JsonObject Ping() => new() { ["id"] = NextId(), ["application_id"] = DiscordBot.ApplicationId, ["type"] = 1, ["token"] = NewToken(), ["version"] = 1 };

    /// <summary><c>/border {subcommand} option:value …</c> in the test channel, by a member with <paramref name="permissions"/>.</summary>
    public static JsonObject Command(string subcommand, string permissions = DiscordBot.AdminPermissions, params (string Name, JsonNode Value)[] options) =>
        Interaction(2, permissions, new JsonObject
        {
            ["id"] = "1350000000000000777",
            ["name"] = "border",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = Options(options, focused: null) }),
        });

    /// <summary>Autocomplete while <paramref name="focused"/> is being typed.</summary>
    public static JsonObject Autocomplete(string subcommand, string focused, string typed) =>
        Interaction(4, DiscordBot.AdminPermissions, new JsonObject
        {
            ["id"] = "1350000000000000777",
            ["name"] = "border",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = Options([(focused, typed)], focused) }),
        });

    /// <summary>A button of ours pressed on a message.</summary>
    public static JsonObject Button(string customId, string permissions = DiscordBot.AdminPermissions, string userId = AliceId) =>
        Interaction(3, permissions, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, userId);

    /// <summary>The member every interaction comes from unless a test names another.</summary>
    public const string AliceId = "900000000000000042";

    private static JsonObject Interaction(int type, string permissions, JsonObject data, string userId = AliceId) => new()
    {
        ["id"] = NextId(),
        ["application_id"] = DiscordBot.ApplicationId,
        ["type"] = type,
        ["token"] = NewToken(),
        ["version"] = 1,
        ["guild_id"] = DiscordBot.GuildId,
        ["channel_id"] = DiscordBot.ChannelId,
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId == AliceId ? "alice" : "user" + userId[^4..], ["global_name"] = userId == AliceId ? "Alice" : null },
            ["permissions"] = permissions,
        },
        ["data"] = data,
        ["app_permissions"] = "2248473465835073",
        ["locale"] = "en-US",
    };

    private static JsonArray Options((string Name, JsonNode Value)[] options, string? focused)
    {
        var array = new JsonArray();
        foreach (var (name, value) in options)
        {
            var option = new JsonObject { ["name"] = name, ["type"] = value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 4 : 3, ["value"] = value.DeepClone() };
            if (name == focused)
            {
                option["focused"] = true;
            }

            array.Add(option);
        }

        return array;
    }

    private static string NextId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NewToken() => "tok_" + Guid.NewGuid().ToString("N");
}
