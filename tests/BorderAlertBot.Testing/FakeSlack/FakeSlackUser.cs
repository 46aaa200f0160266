namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>A workspace member that users.info reports; register with <see cref="FakeSlackServer.AddUser"/>.</summary>
public sealed record FakeSlackUser(string Id, bool IsAdmin = false, bool IsOwner = false)
{
    public string Name { get; init; } = Id.ToLowerInvariant();

    public bool IsPrimaryOwner { get; init; }

    public bool IsBot { get; init; }

    public bool IsDeleted { get; init; }

    public string TimeZone { get; init; } = "Europe/Berlin";
}
