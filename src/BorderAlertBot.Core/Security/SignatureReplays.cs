namespace BorderAlertBot.Security;

/// <summary>
/// Remembers the signatures of requests that verified, so the same signed request sent again — captured and replayed
/// inside the signature window — is refused (ARCHITECTURE.md §13). A signature is kept for twice the window (its
/// timestamp may be that far ahead of now and still verify), then forgotten, so memory holds only recent genuine
/// traffic: forged requests never get here. Hex signatures are compared without regard to case. Thread-safe.
/// </summary>
public sealed class SignatureReplays(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Signature, long ForgetAt)> _expiry = new();

    /// <summary>How many signatures are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time <paramref name="signature"/> is offered within <paramref name="window"/>; false for a repeat.</summary>
    public bool TryFirstUse(string signature, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        var key = signature.ToLowerInvariant();
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            while (_expiry.Count > 0 && _expiry.Peek().ForgetAt <= now)
            {
                var (old, forgetAt) = _expiry.Dequeue();
                if (_seen.TryGetValue(old, out var until) && until == forgetAt)
                {
                    _seen.Remove(old);
                }
            }

            if (_seen.ContainsKey(key))
            {
                return false;
            }

            var forget = now + (long)(2 * window.TotalSeconds * timeProvider.TimestampFrequency);
            _seen[key] = forget;
            _expiry.Enqueue((key, forget));
            return true;
        }
    }
}
