using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary><c>/border latest [kind] [region] [limit]</c>: the latest verified events.</summary>
public sealed record LatestCommand(EventKind? Kind, Region? Region, int Limit) : BorderCommand
{
    public const int DefaultLimit = 10;
    public const int MinLimit = 1;
    public const int MaxLimit = 25;

    public override string Name => SubcommandNames.Latest;

    public override bool RequiresAdmin => false;
}
