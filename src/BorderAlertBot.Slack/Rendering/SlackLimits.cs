namespace BorderAlertBot.Slack.Rendering;

/// <summary>
/// Block Kit limits (platforms/slack.md §0, §4), and a few caps of our own marked as such. Lengths are counted in UTF-16
/// code units after escaping: never fewer than the characters Slack counts, so a text within them is within Slack's.
/// </summary>
public static class SlackLimits
{
    public const int BlocksPerMessage = 50;

    /// <summary><c>header</c> text: <c>plain_text</c> only.</summary>
    public const int HeaderTextLength = 150;

    public const int SectionTextLength = 3000;

    public const int SectionFields = 10;

    public const int FieldTextLength = 2000;

    public const int ContextElements = 10;

    public const int ActionsElements = 25;

    /// <summary><c>block_id</c> and <c>action_id</c>.</summary>
    public const int IdLength = 255;

    /// <summary>The top-level <c>text</c> as Slack recommends it; Slack truncates at <see cref="TextHardLength"/>.</summary>
    public const int TextLength = 4000;

    public const int TextHardLength = 40_000;

    public const int ImageAltTextLength = 2000;

    /// <summary>
    /// Ours: one context element's text. §4 sets no number for it; we keep it under the field limit.
    /// </summary>
    public const int ContextElementLength = 2000;

    /// <summary>
    /// Ours: the text of all blocks of one message together. Slack rejects overlong messages (<c>msg_blocks_too_long</c>)
    /// without publishing a total, so answers are split well below the 40,000 it keeps of <c>text</c>.
    /// </summary>
    public const int MessageTextBudget = 12_000;
}
