namespace BorderAlertBot.Curation;

public enum ImportOutcome
{
    Added,
    Revised,
    Unchanged,
    Rejected,
}
