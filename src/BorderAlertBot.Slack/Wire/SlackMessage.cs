using System.Text.Json.Serialization;
using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Slack.Wire;

/// <summary>
/// One message as the renderers make it, within every limit of platforms/slack.md §4. It serialises as
/// <c>{"text":…,"blocks":[…]}</c>; a sender adds <c>channel</c>, <c>thread_ts</c>, <c>response_type</c> and so on.
/// <see cref="Text"/> is the notification and screen-reader fallback, already escaped mrkdwn.
/// </summary>
/// <param name="Text">The top-level <c>text</c>, at most 4,000 characters.</param>
/// <param name="Blocks">At most 50 blocks.</param>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks)
{
    /// <summary>
    /// Shown only to whoever asked (<c>response_type: ephemeral</c>) rather than in the channel. Not part of the JSON: the
    /// sender decides how to say it.
    /// </summary>
    [JsonIgnore]
    public bool IsPrivate { get; init; }

    /// <summary>
    /// A chart to upload with this message (files.getUploadURLExternal → upload → files.completeUploadExternal, same
    /// channel and thread). The blocks do not show it; the sender uploads it after posting the message.
    /// </summary>
    [JsonIgnore]
    public ChartImage? Chart { get; init; }
}
