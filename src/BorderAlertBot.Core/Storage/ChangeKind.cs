namespace BorderAlertBot.Storage;

public enum ChangeKind
{
    Created,
    Revised,
}
