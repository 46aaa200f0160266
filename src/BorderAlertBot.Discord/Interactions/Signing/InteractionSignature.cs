using System.Buffers;
using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BorderAlertBot.Discord.Interactions.Signing;

/// <summary>
/// Checks that an HTTP interaction comes from Discord (platforms/discord.md §1.1): an Ed25519 signature by the
/// application's public key over the UTF-8 bytes of <c>X-Signature-Timestamp</c> followed by the raw request body,
/// checked over those bytes before any JSON is read, since re-serialised JSON no longer verifies. On top of that, our
/// own replay window: a timestamp more than the max age away from now, either way, is <see cref="SignatureVerdict.Stale"/>.
/// Safe to share between threads; never throws for anything a caller can send.
/// </summary>
public sealed class InteractionSignature
{
    /// <summary>The header with the hex signature (64 bytes, 128 hex characters).</summary>
    public const string SignatureHeader = "X-Signature-Ed25519";

    /// <summary>The header with the signed timestamp (Unix seconds, as a string).</summary>
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureLength = 64;
    private const int PublicKeyLength = 32;
    private const int PublicKeyHexLength = PublicKeyLength * 2;

    // The last second DateTimeOffset can hold (9999-12-31T23:59:59Z); a later timestamp is far outside any window.
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly Ed25519PublicKeyParameters _publicKey;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxAge;

    /// <param name="publicKeyHex">The application's "Public Key" from the Developer Portal: 32 bytes as 64 hex characters.</param>
    /// <param name="timeProvider">The clock the replay window is measured on.</param>
    /// <param name="maxAge">How far a timestamp may be from now, in the past or the future (our policy, e.g. 5 minutes).</param>
    /// <exception cref="ArgumentException">The public key is not 64 hex characters or not an Ed25519 public key.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The max age is not positive.</exception>
    public InteractionSignature(string publicKeyHex, TimeProvider timeProvider, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        _publicKey = ParsePublicKey(publicKeyHex);
        _timeProvider = timeProvider;
        _maxAge = maxAge;
    }

    /// <summary>
    /// Checks the two headers against the raw body. The signature is checked before the window, so a forged request is
    /// always <see cref="SignatureVerdict.Forged"/> and <see cref="SignatureVerdict.Stale"/> only ever means "Discord
    /// signed this, but not now".
    /// </summary>
    /// <param name="signatureHex">The <c>X-Signature-Ed25519</c> header: 128 hex characters, either case.</param>
    /// <param name="timestamp">The <c>X-Signature-Timestamp</c> header: Unix seconds.</param>
    /// <param name="rawBody">The request body exactly as received.</param>
    public SignatureVerdict Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureVerdict.Missing;
        }

        var signature = new byte[SignatureLength];
        if (!TryParseHex(signatureHex, signature) || !TryParseUnixSeconds(timestamp, out var seconds))
        {
            return SignatureVerdict.Malformed;
        }

        if (!IsSignedBy(_publicKey, signature, timestamp, rawBody))
        {
            return SignatureVerdict.Forged;
        }

        return IsWithinWindow(seconds) ? SignatureVerdict.Valid : SignatureVerdict.Stale;
    }

    private static bool IsSignedBy(Ed25519PublicKeyParameters publicKey, byte[] signature, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        // Ed25519Signer buffers the message, so it is not shareable: one per check.
        var verifier = new Ed25519Signer();
        verifier.Init(false, publicKey);
        verifier.BlockUpdate(Encoding.UTF8.GetBytes(timestamp));
        verifier.BlockUpdate(rawBody);
        return verifier.VerifySignature(signature);
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

    private static bool TryParseHex(string hex, byte[] destination) =>
        hex.Length == destination.Length * 2
        && Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done
        && written == destination.Length;

    private static Ed25519PublicKeyParameters ParsePublicKey(string publicKeyHex)
    {
        var bytes = new byte[PublicKeyLength];
        if (publicKeyHex is null || !TryParseHex(publicKeyHex, bytes))
        {
            throw new ArgumentException(
                $"The Discord public key must be {PublicKeyHexLength} hex characters: the application's Public Key from the "
                    + "Developer Portal (platforms/discord.md §1.1).",
                nameof(publicKeyHex));
        }

        try
        {
            return new Ed25519PublicKeyParameters(bytes);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException(
                $"The Discord public key is {PublicKeyHexLength} hex characters but not an Ed25519 public key; copy the "
                    + "application's Public Key from the Developer Portal again (platforms/discord.md §1.1).",
                nameof(publicKeyHex),
                exception);
        }
    }
}
