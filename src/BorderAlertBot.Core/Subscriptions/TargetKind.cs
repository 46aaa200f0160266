namespace BorderAlertBot.Subscriptions;

public enum TargetKind
{
    Console,
    DiscordChannel,
    DiscordWebhook,
    SlackChannel,
    SlackWebhook,
}
