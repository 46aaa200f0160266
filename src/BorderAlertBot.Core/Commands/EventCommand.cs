using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary><c>/border event &lt;event-id&gt;</c>: one event in full: sources, revisions, figures.</summary>
public sealed record EventCommand(EventId Id) : BorderCommand
{
    public override string Name => SubcommandNames.Event;

    public override bool RequiresAdmin => false;
}
