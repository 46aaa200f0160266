namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// One item of a feed as read: <paramref name="Key"/> is a short hash that names it across polls (of its link, or of the
/// feed and its guid, or of its title and date), and <paramref name="Error"/> says why it could not be read, if so.
/// </summary>
internal sealed record FeedItem(
    int Index,
    int Line,
    string Key,
    string Title,
    string Description,
    Uri? Link,
    DateTimeOffset? Published,
    string? Error = null);
