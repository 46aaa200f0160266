namespace BorderAlertBot.Sources;

/// <summary>
/// What the bot remembers about one source between polls (ARCHITECTURE.md §9), and what <c>sources status</c> shows.
/// <paramref name="Cursor"/> is the source's own position, opaque to everyone else: ACLED's last <c>timestamp</c>, GDELT's
/// last export file, a feed's <c>ETag</c> and <c>Last-Modified</c>.
/// </summary>
public sealed record SourceState(
    string Name,
    string? Cursor,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    int ConsecutiveFailures,
    long ItemsSeen,
    DateTimeOffset? NextPollAt,
    string? DisabledReason)
{
    /// <summary>A source never polled: no cursor, no history, due at once.</summary>
    public static SourceState New(string name) => new(name, null, null, null, null, 0, 0, null, null);

    public bool IsDisabled => DisabledReason is not null;
}
