namespace BorderAlertBot.Testing.FakeSlack;

public enum FakeSlackEndpointKind
{
    WebApi,
    FileUpload,
    IncomingWebhook,
    ResponseUrl,
    Unknown,
}
