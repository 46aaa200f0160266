namespace BorderAlertBot.Testing.FakeSlack;

public enum FakeSlackMessageSourceKind
{
    WebApi,
    FileShare,
    IncomingWebhook,
    ResponseUrl,
}
