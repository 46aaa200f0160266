using BorderAlertBot.Digests;

namespace BorderAlertBot.Commands;

/// <summary><c>/border digest &lt;HH:MM | off&gt; [timezone] [quiet]</c>: a daily digest for this channel, or none.</summary>
/// <param name="At">The local time of day, or null for <c>off</c> (see <see cref="IsOff"/>).</param>
/// <param name="TimeZoneId">An IANA time zone that <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/> knows; UTC by default.</param>
/// <param name="WhenQuiet">What a day without events sends: a line (the default) or nothing.</param>
public sealed record DigestCommand(TimeOnly? At, string TimeZoneId, DigestWhenQuiet WhenQuiet = DigestWhenQuiet.Line) : BorderCommand
{
    public const string DefaultTimeZoneId = "UTC";

    public bool IsOff => At is null;

    public override string Name => SubcommandNames.Digest;

    public override bool RequiresAdmin => true;
}
