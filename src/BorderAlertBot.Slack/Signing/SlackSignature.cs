using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BorderAlertBot.Slack.Signing;

/// <summary>
/// Checks that an HTTP request comes from Slack (platforms/slack.md §2): <c>X-Slack-Signature</c> must be
/// <c>v0=</c> and the lowercase hex HMAC-SHA256, keyed with the signing secret as UTF-8, of
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>, compared in constant time; and the timestamp must be within the
/// window of now, either way. Checked over the raw bytes before any form parsing, since a re-encoded body no longer
/// verifies. Safe to share between threads; never throws for anything a caller can send.
/// </summary>
public sealed class SlackSignature
{
    /// <summary>The header with <c>v0=</c> and the hex signature. Header names are case-insensitive; look it up so.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>The header with the signed timestamp (Unix seconds).</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    private const string Version = "v0";
    private const string Prefix = Version + "=";
    private const int HexLength = 64;

    // The last second DateTimeOffset can hold (9999-12-31T23:59:59Z); a later timestamp is far outside any window.
    private const long MaxUnixSeconds = 253_402_300_799;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxAge;

    /// <param name="signingSecret">The app's Signing Secret, used as a UTF-8 string (not hex-decoded).</param>
    /// <param name="timeProvider">The clock the replay window is measured on.</param>
    /// <param name="maxAge">How far the timestamp may be from now, either way; <see cref="DefaultMaxAge"/> when null.</param>
    /// <exception cref="ArgumentException">The secret is empty (the message never contains it).</exception>
    public SlackSignature(string signingSecret, TimeProvider timeProvider, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrEmpty(signingSecret))
        {
            throw new ArgumentException("The Slack signing secret is empty: set Slack:SigningSecret (platforms/slack.md §2).", nameof(signingSecret));
        }

        var window = maxAge ?? DefaultMaxAge;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero, nameof(maxAge));
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _timeProvider = timeProvider;
        _maxAge = window;
    }

    /// <summary>Slack's replay window: 300 seconds (platforms/slack.md §0, §2).</summary>
    public static TimeSpan DefaultMaxAge { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks the two header values against the raw body, in the order of platforms/slack.md §2.</summary>
    /// <param name="signature">The <c>X-Slack-Signature</c> header.</param>
    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> header.</param>
    /// <param name="rawBody">The request body exactly as received.</param>
    public SlackSignatureVerdict Verify(string? signature, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return SlackSignatureVerdict.MissingHeader;
        }

        if (!TryParseUnixSeconds(timestamp, out var seconds) || !IsWellFormed(signature))
        {
            return SlackSignatureVerdict.BadFormat;
        }

        if (!IsWithinWindow(seconds))
        {
            return SlackSignatureVerdict.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, rawBody));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureVerdict.Valid : SlackSignatureVerdict.Mismatch;
    }

    /// <summary>
    /// The <c>X-Slack-Signature</c> value Slack would send for this timestamp and body: for fakes and tests, and for
    /// nothing that could show it to a caller.
    /// </summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> rawBody)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        var head = Encoding.UTF8.GetBytes(Version + ":" + timestamp + ":");
        var basestring = new byte[head.Length + rawBody.Length];
        head.CopyTo(basestring, 0);
        rawBody.CopyTo(basestring.AsSpan(head.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, basestring));
    }

    private bool IsWithinWindow(long unixSeconds)
    {
        if (unixSeconds > MaxUnixSeconds)
        {
            return false;
        }

        var offset = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        return offset.Duration() <= _maxAge;
    }

    // Digits only: no sign, spaces, decimal point or exponent.
    private static bool TryParseUnixSeconds(string timestamp, out long seconds) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);

    // Slack sends lowercase hex; anything else could never match our digest, so it is malformed rather than forged.
    private static bool IsWellFormed(string signature) =>
        signature.Length == Prefix.Length + HexLength
        && signature.StartsWith(Prefix, StringComparison.Ordinal)
        && signature.AsSpan(Prefix.Length).IndexOfAnyExcept(LowerHex) < 0;
}
