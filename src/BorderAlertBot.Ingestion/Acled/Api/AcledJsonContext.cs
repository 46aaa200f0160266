using System.Text.Json.Serialization;

namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>ACLED's token answer and our sync cursor.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcledTokenResponse))]
[JsonSerializable(typeof(AcledCursor))]
internal sealed partial class AcledJsonContext : JsonSerializerContext;

/// <summary>What <c>oauth/token</c> answers: an access token for <c>expires_in</c> seconds and a refresh token.</summary>
internal sealed record AcledTokenResponse(string? AccessToken, long? ExpiresIn, string? RefreshToken, long? RefreshExpiresIn);
