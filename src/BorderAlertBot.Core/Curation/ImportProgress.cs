namespace BorderAlertBot.Curation;

public sealed record ImportProgress(int Records, long Position);
