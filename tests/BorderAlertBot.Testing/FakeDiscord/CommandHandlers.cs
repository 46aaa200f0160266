using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Bulk overwrite and list of global and guild commands (§2). An overwrite replaces the whole set and keeps the id of a
/// command whose type and name already existed, as Discord does; the application id in the path must be the bot's own.
/// </summary>
internal sealed class CommandHandlers(FakeDiscordOptions options, FakeDiscordState state)
{
    public FakeResponse Put(FakeCall call, string? guildId)
    {
        if (call.Value("application_id") != options.ApplicationId)
        {
            return NotOwnApplication();
        }

        var errors = CommandValidator.Validate(call.Payload);
        if (!errors.IsEmpty)
        {
            return FakeResponses.InvalidFormBody(errors);
        }

        var scope = guildId ?? FakeDiscordState.GlobalCommandScope;
        var ids = state.Commands(scope).ToDictionary(command => (CommandValidator.TypeOf(command), command.StringOrNull("name")), command => command.StringOrNull("id"));
        var stored = call.Payload.EnumerateArray()
            .Select(command => Stamp(command, ids.GetValueOrDefault((CommandValidator.TypeOf(command), command.StringOrNull("name"))) ?? state.Ids.Next(), guildId))
            .ToList();
        state.OverwriteCommands(scope, stored);
        return List(scope);
    }

    public FakeResponse Get(FakeCall call, string? guildId) =>
        call.Value("application_id") != options.ApplicationId ? NotOwnApplication() : List(guildId ?? FakeDiscordState.GlobalCommandScope);

    private FakeResponse List(string scope) =>
        FakeResponses.Json(200, new JsonArray([.. state.Commands(scope).Select(MessageWire.Node)]));

    private JsonElement Stamp(JsonElement command, string id, string? guildId)
    {
        var node = JsonNode.Parse(command.GetRawText())!.AsObject(); // Validated as an object.
        node["id"] = id;
        node["application_id"] = options.ApplicationId;
        node["version"] = state.Ids.Next();
        node["type"] = CommandValidator.TypeOf(command);
        node["description"] ??= string.Empty;
        if (!node.ContainsKey("default_member_permissions"))
        {
            node["default_member_permissions"] = null;
        }

        if (guildId is not null)
        {
            node["guild_id"] = guildId;
        }

        return JsonSerializer.SerializeToElement(node);
    }

    private static FakeResponse NotOwnApplication() =>
        FakeResponses.Error(403, 20012, "You are not authorized to perform this action on this application");
}
