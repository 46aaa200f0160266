using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary><c>/border summary [period] [region]</c>: counts by kind against the previous period, top events, a chart.</summary>
/// <param name="Period">Whole days, from <see cref="MinPeriod"/> to <see cref="MaxPeriod"/>.</param>
public sealed record SummaryCommand(TimeSpan Period, Region? Region) : BorderCommand
{
    public static TimeSpan DefaultPeriod { get; } = TimeSpan.FromDays(7);

    public static TimeSpan MinPeriod { get; } = TimeSpan.FromDays(1);

    public static TimeSpan MaxPeriod { get; } = TimeSpan.FromDays(90);

    public override string Name => SubcommandNames.Summary;

    public override bool RequiresAdmin => false;
}
