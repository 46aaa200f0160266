namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Where a message write goes and who makes it: the channel, the endpoint's flags, and the webhook or interaction token.</summary>
internal sealed record MessageWrite(string ChannelId, int AllowedFlags, bool ChecksReplies, string? WebhookId = null, string? InteractionToken = null);
