using BorderAlertBot.Domain;

namespace BorderAlertBot.Sources;

/// <summary>
/// The status new events from matching sources get, overriding the source's own default: <c>{ "Source": "gdelt",
/// "Status": "Verified" }</c>. <see cref="Source"/> is a source name, or a prefix ending in <c>*</c> (<c>rss:*</c>).
/// </summary>
public sealed class TrustRule
{
    public string Source { get; set; } = string.Empty;

    public EventStatus Status { get; set; } = EventStatus.Pending;

    public bool Matches(string sourceName) =>
        Source.EndsWith('*')
            ? sourceName.StartsWith(Source[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(Source, sourceName, StringComparison.OrdinalIgnoreCase);
}
