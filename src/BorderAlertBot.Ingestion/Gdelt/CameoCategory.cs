using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>What a CAMEO event code means for us: the subtype it maps to and GDELT's label for the code.</summary>
internal sealed record CameoCategory(string Code, EventSubtype Subtype, string Label);
