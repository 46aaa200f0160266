namespace BorderAlertBot.Slack.Delivery;

/// <summary>
/// Where a posted message is, as the outbox keeps it: its <c>ts</c>, a string (never a double: platforms/slack.md §3),
/// and its channel when Slack answered with another than the target's (a user id posts to a DM channel). Written as
/// <c>ts</c> or <c>channel/ts</c>.
/// </summary>
public readonly record struct SlackMessageRef(string Channel, string Ts)
{
    public string Format(string targetChannel) => Channel == targetChannel || Channel.Length == 0 ? Ts : $"{Channel}/{Ts}";

    public static bool TryParse(string messageRef, string targetChannel, out SlackMessageRef result)
    {
        var slash = messageRef.IndexOf('/', StringComparison.Ordinal);
        result = slash < 0 ? new SlackMessageRef(targetChannel, messageRef) : new SlackMessageRef(messageRef[..slash], messageRef[(slash + 1)..]);
        return result.Channel.Length > 0 && result.Ts.Length > 0 && result.Ts.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}
