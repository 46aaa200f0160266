namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>What was sent with one interaction token: the original response (once edited) and the follow-ups.</summary>
internal sealed class FakeInteraction(DateTimeOffset firstSeen)
{
    public DateTimeOffset FirstSeen { get; } = firstSeen;

    public FakeDiscordMessage? Original { get; set; }

    public List<FakeDiscordMessage> FollowUps { get; } = [];
}
