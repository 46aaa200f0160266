namespace BorderAlertBot.Ingestion.Acled;

/// <summary>What a reader of ACLED rows passed over: rows the bot does not track are counted here, not reported as errors.</summary>
public sealed class AcledReadTally
{
    private readonly Dictionary<string, int> _outOfScope = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    public int OutOfScope { get; private set; }

    /// <summary>How many rows of each out-of-scope kind (<c>Protests / Peaceful protest</c>), most first.</summary>
    public IReadOnlyList<(string Reason, int Rows)> OutOfScopeByReason =>
        [.. _outOfScope.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value))];

    internal void Read(AcledMapResult result)
    {
        Rows++;
        if (result.OutOfScope is { } reason)
        {
            OutOfScope++;
            _outOfScope[reason] = _outOfScope.GetValueOrDefault(reason) + 1;
        }
    }
}
