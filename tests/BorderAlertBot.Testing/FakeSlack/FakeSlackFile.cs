namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>A file whose upload was completed with files.completeUploadExternal, with the bytes that were posted.</summary>
public sealed record FakeSlackFile
{
    public required string Id { get; init; }

    public required string Filename { get; init; }

    public string? Title { get; init; }

    public string? AltText { get; init; }

    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>The channels it was shared into; empty when completed without a channel (the file stays private).</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    public string? ThreadTs { get; init; }

    public string? InitialComment { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
