namespace BorderAlertBot.Slack.Delivery;

/// <summary>The fact sheet's four classes of Slack errors (platforms/slack.md §3 "Classifying errors").</summary>
public enum SlackErrorClass
{
    /// <summary>The channel can never take our messages as things stand: pause the subscription, tell an admin.</summary>
    StopChannel,

    /// <summary>The token is refused: stop everything for the workspace until it is fixed.</summary>
    StopWorkspace,

    /// <summary>Slack is busy or failing: try again later.</summary>
    RetryLater,

    /// <summary>Slack refuses what we sent: a bug of ours; give the message up, do not retry.</summary>
    Payload,
}
