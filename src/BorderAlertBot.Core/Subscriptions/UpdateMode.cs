namespace BorderAlertBot.Subscriptions;

/// <summary>How a new revision of an alerted event shows in the channel. A retraction is always shown.</summary>
public enum UpdateMode
{
    /// <summary>Edit the original message, marked "Updated" with what changed.</summary>
    Edit,

    /// <summary>Reply in the original message's thread.</summary>
    Reply,

    /// <summary>Edit and reply.</summary>
    Both,

    /// <summary>Leave the original as it was (retractions still edit it).</summary>
    None,
}
