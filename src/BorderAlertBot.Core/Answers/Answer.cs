using BorderAlertBot.Abstractions;

namespace BorderAlertBot.Answers;

/// <summary>
/// A reply to a command, platform-neutral: a title, blocks of content, perhaps a chart. The Discord and Slack renderers
/// turn it into embeds and blocks; <see cref="AnswerTextRenderer"/> into text for the console and the CLI. A private
/// answer is shown only to whoever asked (an error, help).
/// </summary>
public sealed record Answer(string Title, IReadOnlyList<AnswerBlock> Blocks, ChartImage? Image = null, bool IsPrivate = false)
{
    /// <summary>Whether this answer says the command could not be done (a bad argument, a missing event).</summary>
    public bool IsProblem { get; init; }

    /// <summary>A short private reply that says what was wrong and what is valid.</summary>
    public static Answer Problem(string message) =>
        new("That did not work", [new AnswerBlock.Paragraph(message)], IsPrivate: true) { IsProblem = true };
}
