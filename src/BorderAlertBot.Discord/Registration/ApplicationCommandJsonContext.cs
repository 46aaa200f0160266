using System.Text.Json.Serialization;

namespace BorderAlertBot.Discord.Registration;

/// <summary>
/// The JSON of command registration (platforms/discord.md §2): snake_case names (<c>min_value</c>,
/// <c>default_member_permissions</c>), enums as their numbers, unset fields left out. The bulk overwrite's body is an
/// <c>IReadOnlyList&lt;ApplicationCommand&gt;</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
public sealed partial class ApplicationCommandJsonContext : JsonSerializerContext;
