namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>A Socket Mode connection the bot opened, from <c>hello</c> until either side closed it.</summary>
public sealed record FakeSlackConnection(string Id, DateTimeOffset OpenedAt)
{
    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsOpen => ClosedAt is null;
}
