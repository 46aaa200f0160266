using System.Globalization;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Snowflakes (§0): milliseconds since the Discord epoch in bits 63-22 from the options' clock, then worker 1, then an
/// increment, strictly increasing even while a fake clock stands still. A clock set before 2016 (FakeTimeProvider starts
/// in 2000) gives ids from early 2016, so they still have the usual 18 digits. Not thread-safe: used under the state's lock.
/// </summary>
internal sealed class SnowflakeGenerator(TimeProvider timeProvider)
{
    private const long DiscordEpochMilliseconds = 1420070400000;
    private const long EarliestMilliseconds = 1L << 35;
    private ulong _last;

    public string Next()
    {
        var milliseconds = Math.Max(timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMilliseconds, EarliestMilliseconds);
        var id = ((ulong)milliseconds << 22) | (1UL << 17);
        _last = Math.Max(_last + 1, id);
        return _last.ToString(CultureInfo.InvariantCulture);
    }
}
