using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary><c>/border crossings [region]</c>: the board of trade crossings: open, closed or restricted, since when, last event.</summary>
public sealed record CrossingsCommand(Region? Region) : BorderCommand
{
    public override string Name => SubcommandNames.Crossings;

    public override bool RequiresAdmin => false;
}
