using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderAlertBot.Ingestion.CuratedJson;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CuratedEventDto))]
internal sealed partial class CuratedJsonContext : JsonSerializerContext;
