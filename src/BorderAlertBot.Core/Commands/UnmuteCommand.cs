namespace BorderAlertBot.Commands;

/// <summary><c>/border unmute</c>: send alerts again.</summary>
public sealed record UnmuteCommand : BorderCommand
{
    public override string Name => SubcommandNames.Unmute;

    public override bool RequiresAdmin => true;
}
