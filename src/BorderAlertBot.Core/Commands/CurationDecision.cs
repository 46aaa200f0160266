namespace BorderAlertBot.Commands;

public enum CurationDecision
{
    Approve,
    Reject,
}
