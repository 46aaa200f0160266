namespace BorderAlertBot.Domain;

/// <summary>The border an event lies on and, when the location is precise enough to say, its distance to the line.</summary>
public sealed record BorderPosition(BorderPair Pair, double? DistanceKm);
