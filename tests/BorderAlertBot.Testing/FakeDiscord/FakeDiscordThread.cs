namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// A thread started from a message. As on Discord, the thread's id is the id of the message it was started from, and the
/// thread is a channel of its own (type 11, PUBLIC_THREAD) that takes messages.
/// </summary>
public sealed record FakeDiscordThread(string Id, string ParentChannelId, string MessageId, string Name, int AutoArchiveDuration, DateTimeOffset CreatedAt);
