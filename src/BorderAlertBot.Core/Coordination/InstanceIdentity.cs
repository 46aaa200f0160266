using System.Globalization;

namespace BorderAlertBot.Coordination;

/// <summary>
/// Who this process is among the instances on one store: the lease holder name it uses, made of the host name, the
/// process id and a random part, so two processes never share one (not even a restart that reuses the pid).
/// </summary>
public sealed class InstanceIdentity
{
    public InstanceIdentity()
        : this(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}"))
    {
    }

    public InstanceIdentity(string holder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        Holder = holder;
    }

    public string Holder { get; }

    public override string ToString() => Holder;
}
