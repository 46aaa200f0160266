namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>One RSS or Atom feed to poll: <c>{ "Name": "irrawaddy", "Url": "https://…/feed", "Interval": "00:15:00" }</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>The feed's name: the source is <c>rss:NAME</c> in <c>sources status</c> and in trust rules.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The feed's absolute http(s) URL.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>How long after a successful poll the next one is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
