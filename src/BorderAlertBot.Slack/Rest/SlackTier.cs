namespace BorderAlertBot.Slack.Rest;

/// <summary>Slack's Web API rate tiers (platforms/slack.md §0, §5): calls per minute, per method, per workspace.</summary>
public enum SlackTier
{
    /// <summary>1+ per minute.</summary>
    Tier1,

    /// <summary>20+ per minute.</summary>
    Tier2,

    /// <summary>50+ per minute.</summary>
    Tier3,

    /// <summary>100+ per minute.</summary>
    Tier4,

    /// <summary><c>chat.postMessage</c>: about one per second per channel, several hundred per minute per workspace.</summary>
    Special,
}
