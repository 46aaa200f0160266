namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>The endpoints the fake serves.</summary>
internal enum RouteKind
{
    Unknown,
    WrongMethod,
    CreateMessage,
    EditMessage,
    StartThread,
    ExecuteWebhook,
    EditWebhookMessage,
    EditOriginal,
    PutGlobalCommands,
    GetGlobalCommands,
    PutGuildCommands,
    GetGuildCommands,
    GetCurrentUser,
}
