namespace BorderAlertBot.Delivery;

public enum OutboxAction
{
    /// <summary>A new alert.</summary>
    Alert,

    /// <summary>A new revision of an alerted event: edit and/or reply, as the subscription says.</summary>
    Update,

    /// <summary>An alerted event was retracted: the original is edited to say so.</summary>
    Retract,
}
