namespace BorderAlertBot.Alerting;

public enum AlertKind
{
    /// <summary>A verified event the channel has not been told about.</summary>
    New,

    /// <summary>A new revision of an event the channel was alerted to.</summary>
    Updated,

    /// <summary>An event the channel was alerted to has been retracted.</summary>
    Retracted,
}
