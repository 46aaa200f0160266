using System.Text.Json;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>A message as it now stands in a channel. A thread reply carries its parent's <see cref="ThreadTs"/>.</summary>
public sealed record FakeSlackMessage
{
    public required string Channel { get; init; }

    public required string Ts { get; init; }

    public string? Text { get; init; }

    public JsonElement? Blocks { get; init; }

    public string? ThreadTs { get; init; }

    public bool IsReplyBroadcast { get; init; }

    public required FakeSlackMessageSourceKind Source { get; init; }

    public required DateTimeOffset PostedAt { get; init; }

    /// <summary>How many times chat.update (or a <c>replace_original</c>) changed it.</summary>
    public int EditCount { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public IReadOnlyList<FakeSlackFile> Files { get; init; } = [];

    /// <summary>The arguments of the request that last wrote it.</summary>
    public JsonElement? Arguments { get; init; }

    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;
}
