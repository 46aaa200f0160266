namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>A channel webhook made with <see cref="FakeDiscordServer.AddWebhook"/>.</summary>
internal sealed record FakeWebhook(string Id, string Token, string ChannelId);
