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

    /// <summary>Name–value pairs, shown side by side where the platform can, under an optional heading.</summary>
    public sealed record Facts(IReadOnlyList<Fact> Items, string? Heading = null) : AnswerBlock;

    /// <summary>Events one line each: severity, title, place, date and a source link.</summary>
    public sealed record EventList(string? Heading, IReadOnlyList<EventLine> Events) : AnswerBlock
    {
        public EventList(string? heading, IEnumerable<ConflictEvent> events)
            : this(heading, [.. events.Select(EventLine.Of)])
        {
        }
    }

    /// <summary>One event in full: sources, figures, and its revisions, oldest first.</summary>
    public sealed record EventDetail(ConflictEvent Event, IReadOnlyList<ConflictEvent> Revisions) : AnswerBlock;
}

public sealed record Fact(string Name, string Value);
