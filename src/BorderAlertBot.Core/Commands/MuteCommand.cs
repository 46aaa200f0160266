namespace BorderAlertBot.Commands;

/// <summary><c>/border mute &lt;duration&gt;</c>: hold this channel's alerts for a while.</summary>
/// <param name="Duration">From <see cref="MinDuration"/> to <see cref="MaxDuration"/>.</param>
public sealed record MuteCommand(TimeSpan Duration) : BorderCommand
{
    public static TimeSpan MinDuration { get; } = TimeSpan.FromMinutes(1);

    public static TimeSpan MaxDuration { get; } = TimeSpan.FromDays(30);

    public override string Name => SubcommandNames.Mute;

    public override bool RequiresAdmin => true;
}
