namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>A feed as read: its title (if it gives one) and its items in document order.</summary>
internal sealed record FeedDocument(string? Title, IReadOnlyList<FeedItem> Items);
