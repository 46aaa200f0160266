namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// A fixed window that opens at the first request after the last one closed and lets <c>limit</c> requests through
/// until it closes, the shape Discord's bucket headers describe (§4: a limit, what remains, and when it resets).
/// </summary>
internal sealed class FixedWindow
{
    private DateTimeOffset _end = DateTimeOffset.MinValue;
    private int _count;

    /// <summary>Takes one request when there is room; returns whether it did, what remains and when the window closes.</summary>
    public (bool IsAllowed, int Remaining, DateTimeOffset End) TryTake(int limit, TimeSpan window, DateTimeOffset now)
    {
        if (now >= _end)
        {
            _end = now + window;
            _count = 0;
        }

        if (_count >= limit)
        {
            return (false, 0, _end);
        }

        _count++;
        return (true, limit - _count, _end);
    }
}
