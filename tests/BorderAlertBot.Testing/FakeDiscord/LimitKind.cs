namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Which configured limit a route's bucket uses.</summary>
internal enum LimitKind
{
    None,
    Message,
    Webhook,
    Command,
}
