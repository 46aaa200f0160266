namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>Failures and delays the test asked for, keyed by a Web API method, a channel id, a webhook id or <c>*</c>.</summary>
internal sealed class SlackFaults
{
    public const string Everything = "*";

    private readonly List<Failure> _failures = [];
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);

    public void Add(string key, string? error, int? status, TimeSpan? retryAfter, int times)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _failures.Add(new Failure(key, error, status, retryAfter, times));
    }

    public void Clear()
    {
        _failures.Clear();
        _delays.Clear();
    }

    public void Delay(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _delays.Remove(key);
        }
        else
        {
            _delays[key] = delay;
        }
    }

    /// <summary>The first failure asked for any of <paramref name="keys"/> (or for everything), used up once.</summary>
    public (string? Error, int? Status, TimeSpan? RetryAfter)? Take(IEnumerable<string?> keys)
    {
        var wanted = keys.OfType<string>().Append(Everything).ToHashSet(StringComparer.Ordinal);
        var index = _failures.FindIndex(failure => wanted.Contains(failure.Key));
        if (index < 0)
        {
            return null;
        }

        var found = _failures[index];
        if (--found.Remaining == 0)
        {
            _failures.RemoveAt(index);
        }

        return (found.Error, found.Status, found.RetryAfter);
    }

    public TimeSpan DelayFor(IEnumerable<string?> keys) =>
        keys.OfType<string>().Append(Everything).Select(key => _delays.GetValueOrDefault(key)).DefaultIfEmpty().Max();

    private sealed class Failure(string key, string? error, int? status, TimeSpan? retryAfter, int times)
    {
        public string Key { get; } = key;

        public string? Error { get; } = error;

        public int? Status { get; } = status;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public int Remaining { get; set; } = times;
    }
}
