using System.Collections.Concurrent;

namespace BorderAlertBot.Health;

/// <summary>
/// What <c>/readyz</c> reports besides the live store check: whether the store was migrated at start, and each configured
/// platform's verdict on its credentials (pending until it has answered). Thread-safe.
/// </summary>
public sealed class Readiness
{
    public const string Ok = "ok";
    public const string Pending = "pending";

    private readonly ConcurrentDictionary<string, string> _platforms = new(StringComparer.Ordinal);
    private volatile bool _storeMigrated;

    public bool IsStoreMigrated => _storeMigrated;

    /// <summary>Each configured platform and what it said: <see cref="Ok"/>, <see cref="Pending"/>, or why not.</summary>
    public IReadOnlyDictionary<string, string> Platforms => new SortedDictionary<string, string>(_platforms, StringComparer.Ordinal);

    public void StoreMigrated() => _storeMigrated = true;

    public void Expect(string platform) => _platforms.TryAdd(platform, Pending);

    public void Record(string platform, CredentialVerdict verdict) => _platforms[platform] = verdict switch
    {
        CredentialVerdict.Accepted => Ok,
        CredentialVerdict.Refused refused => "credentials refused: " + refused.Reason,
        CredentialVerdict.Unreachable unreachable => "not reachable yet: " + unreachable.Reason,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };
}
