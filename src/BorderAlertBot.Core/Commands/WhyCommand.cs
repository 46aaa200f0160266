using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary><c>/border why &lt;event-id&gt;</c>: why this channel did or did not get that alert.</summary>
public sealed record WhyCommand(EventId Id) : BorderCommand
{
    public override string Name => SubcommandNames.Why;

    public override bool RequiresAdmin => false;
}
