using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>What the classifier made of an item that is a candidate: its subtype, where it is, and who it names.</summary>
internal sealed record FeedClassification(EventSubtype Subtype, Location? Location, BorderPosition? Border, IReadOnlyList<Actor> Actors);
