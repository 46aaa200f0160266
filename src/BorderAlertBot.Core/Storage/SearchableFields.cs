namespace BorderAlertBot.Storage;

/// <summary>What full-text search reads of an event (<see cref="SearchableText.Of"/>): its title and summary, its place with the areas above it, its actors.</summary>
public sealed record SearchableFields(string? Title, string? Summary, string Place, string Actors);
