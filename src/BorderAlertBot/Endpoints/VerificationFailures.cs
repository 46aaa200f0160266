using System.Net;
using BorderAlertBot.Hosting;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Endpoints;

/// <summary>
/// Requests to the platform endpoints that failed verification (401), counted per sender address over
/// <see cref="HttpOptions.VerificationFailureWindow"/>: at <see cref="HttpOptions.VerificationFailuresPerAddress"/> the
/// address is refused with 429 for <see cref="HttpOptions.VerificationBlock"/>, before its body is read or any signature
/// checked. Nothing else is throttled: a request from an address that does not fail verification is never slowed, so
/// Discord's and Slack's own traffic goes on while someone forges requests elsewhere. IPv6 addresses count per /64 (one
/// host's usual allocation). At most <see cref="MaxAddresses"/> addresses are tracked. Time from the injected clock.
/// </summary>
public sealed partial class VerificationFailures(IOptions<HttpOptions> options, TimeProvider timeProvider, ILogger<VerificationFailures> logger)
{
    public const int MaxAddresses = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, Sender> _senders = [];

    /// <summary>How much longer <paramref name="address"/> is refused, or null when it is not.</summary>
    public TimeSpan? BlockedFor(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            return _senders.TryGetValue(Key(address), out var sender) && sender.BlockedUntil > now ? sender.BlockedUntil - now : null;
        }
    }

    /// <summary>Counts a failed verification from <paramref name="address"/>, and blocks it once it has failed too often.</summary>
    public void Record(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        var settings = options.Value;
        var key = Key(address);
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (!_senders.TryGetValue(key, out var sender))
            {
                if (_senders.Count >= MaxAddresses)
                {
                    Forget(now, settings.VerificationFailureWindow);
                }

                _senders[key] = sender = new Sender();
            }

            while (sender.Failures.Count > 0 && now - sender.Failures.Peek() >= settings.VerificationFailureWindow)
            {
                sender.Failures.Dequeue();
            }

            sender.Failures.Enqueue(now);
            if (sender.Failures.Count >= settings.VerificationFailuresPerAddress && sender.BlockedUntil <= now)
            {
                sender.BlockedUntil = now + settings.VerificationBlock;
                sender.Failures.Clear();
                Log.Blocked(logger, key.ToString(), settings.VerificationFailuresPerAddress, settings.VerificationBlock.TotalMinutes);
            }
        }
    }

    /// <summary>Per host: an IPv4 address (or an IPv4 address mapped into IPv6) as is, an IPv6 address by its /64.</summary>
    private static IPAddress Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    /// <summary>Drops addresses neither blocked nor failing lately; if that is not enough, every address not blocked.</summary>
    private void Forget(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, sender) in _senders.ToList())
        {
            if (sender.BlockedUntil <= now && (sender.Failures.Count == 0 || now - sender.Failures.Last() >= window))
            {
                _senders.Remove(key);
            }
        }

        if (_senders.Count >= MaxAddresses)
        {
            foreach (var (key, sender) in _senders.Where(pair => pair.Value.BlockedUntil <= now).ToList())
            {
                _senders.Remove(key);
            }
        }
    }

    private sealed class Sender
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset BlockedUntil { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Refusing requests from {Address} with 429: {Failures} failed signature checks; blocked for {Minutes} minutes")]
        public static partial void Blocked(ILogger logger, string address, int failures, double minutes);
    }
}
