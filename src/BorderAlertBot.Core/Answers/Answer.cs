using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Answers;

/// <summary>
/// A reply to a command, platform-neutral: a title, blocks of content, perhaps a chart. The Discord and Slack renderers
/// turn it into embeds and blocks; <see cref="AnswerTextRenderer"/> into text for the console and the CLI. A private
/// answer is shown only to whoever asked (an error, help).
/// </summary>
public sealed record Answer(string Title, IReadOnlyList<AnswerBlock> Blocks, ChartImage? Image = null, bool IsPrivate = false)
{
    /// <summary>A short private reply that says what was wrong and, when something close exists, what was meant.</summary>
    public static Answer Problem(string message, string? suggestion = null) =>
        new("That did not work", [new AnswerBlock.Paragraph(suggestion is null ? message : $"{message} (did you mean {suggestion}?)")], IsPrivate: true);
}
