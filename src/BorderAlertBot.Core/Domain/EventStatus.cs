namespace BorderAlertBot.Domain;

/// <summary>Pending → Verified or Rejected; Verified → Retracted. Every change is a new revision.</summary>
public enum EventStatus
{
    Pending,
    Verified,
    Rejected,
    Retracted,
}
