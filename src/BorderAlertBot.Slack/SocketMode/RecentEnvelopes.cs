namespace BorderAlertBot.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately, across every open connection: Slack delivers at least once and may send an envelope
/// again on another socket (platforms/slack.md §6), and a command must not be answered — or a subscription made — twice.
/// Keeps the last <see cref="Capacity"/> ids. Thread-safe.
/// </summary>
public sealed class RecentEnvelopes
{
    public const int Capacity = 4_096;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is offered; false for a repeat.</summary>
    public bool TryAdd(string envelopeId)
    {
        lock (_gate)
        {
            if (!_seen.Add(envelopeId))
            {
                return false;
            }

            _order.Enqueue(envelopeId);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
