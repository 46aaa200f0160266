namespace BorderAlertBot.Slack.Wire;

/// <summary>
/// A text object: <c>plain_text</c> or <c>mrkdwn</c>. Our <c>mrkdwn</c> is always <c>verbatim</c>, so Slack links or
/// mentions nothing on its own: only the <c>&lt;…&gt;</c> tokens we build (platforms/slack.md §4 "Auto-parsing").
/// </summary>
public sealed record TextObject(string Type, string Text)
{
    public const string PlainTextType = "plain_text";

    public const string MrkdwnType = "mrkdwn";

    /// <summary>Only for <c>mrkdwn</c>.</summary>
    public bool? Verbatim { get; init; }

    public static TextObject Plain(string text) => new(PlainTextType, text);

    public static TextObject Mrkdwn(string text) => new(MrkdwnType, text) { Verbatim = true };
}
