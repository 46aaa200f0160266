namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Scripted failures and delays. Not thread-safe: used under the state's lock.</summary>
internal sealed class FakeDiscordFaults
{
    private readonly List<Failure> _failures = [];
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private int _headerless;

    /// <summary>While set, every request is answered with this status (an outage).</summary>
    public int? OutageStatus { get; set; }

    public void FailNext(string key, int status, int code, string message, int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _failures.Add(new Failure(key, status, code, message, times));
    }

    public void FailNextHeaderless429(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _headerless += times;
    }

    public void Delay(string channelId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _delays.Remove(channelId);
        }
        else
        {
            _delays[channelId] = delay;
        }
    }

    public bool TakeHeaderless429()
    {
        if (_headerless == 0)
        {
            return false;
        }

        _headerless--;
        return true;
    }

    /// <summary>The first scripted failure for any of <paramref name="keys"/>, used up once.</summary>
    public FakeResponse? TakeFailure(IReadOnlyList<string> keys)
    {
        var index = _failures.FindIndex(failure => keys.Contains(failure.Key));
        if (index < 0)
        {
            return null;
        }

        var found = _failures[index];
        if (--found.Remaining == 0)
        {
            _failures.RemoveAt(index);
        }

        return FakeResponses.Error(found.Status, found.Code, found.Message);
    }

    public TimeSpan DelayFor(string? channelId) =>
        channelId is not null && _delays.TryGetValue(channelId, out var delay) ? delay : TimeSpan.Zero;

    private sealed class Failure(string key, int status, int code, string message, int times)
    {
        public string Key { get; } = key;

        public int Status { get; } = status;

        public int Code { get; } = code;

        public string Message { get; } = message;

        public int Remaining { get; set; } = times;
    }
}
