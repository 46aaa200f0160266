using BorderAlertBot.Domain;

namespace BorderAlertBot.Answers;

/// <summary>One part of an <see cref="Answer"/>.</summary>
public abstract record AnswerBlock
{
    private AnswerBlock()
    {
    }

    /// <summary>Plain text.</summary>
    public sealed record Paragraph(string Text) : AnswerBlock;

    /// <summary>Name–value pairs, shown side by side where the platform can.</summary>
    public sealed record Facts(IReadOnlyList<Fact> Items) : AnswerBlock;

    /// <summary>Events one line each: severity, title, place, date and a source link.</summary>
    public sealed record EventList(string? Heading, IReadOnlyList<ConflictEvent> Events) : AnswerBlock;

    /// <summary>One event in full: sources, figures, and its revisions, oldest first.</summary>
    public sealed record EventDetail(ConflictEvent Event, IReadOnlyList<ConflictEvent> Revisions) : AnswerBlock;
}

public sealed record Fact(string Name, string Value);
