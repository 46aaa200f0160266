using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Signs interactions as Discord does (platforms/discord.md §1.1) with a key pair made for the test: Ed25519 over the
/// UTF-8 timestamp followed by the body. Give <see cref="PublicKeyHex"/> to the app as its public key, and send
/// <see cref="Sign(string, string)"/>'s result as <c>X-Signature-Ed25519</c> with the timestamp as <c>X-Signature-Timestamp</c>.
/// </summary>
public sealed class InteractionSigner
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    public InteractionSigner()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        PublicKeyHex = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    /// <summary>The public key as the Developer Portal shows it: 64 lowercase hex characters.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The signature of the timestamp and body, as 128 lowercase hex characters.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _privateKey);
        signer.BlockUpdate(Encoding.UTF8.GetBytes(timestamp));
        signer.BlockUpdate(body);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    /// <summary>The signature of the timestamp and the UTF-8 bytes of the body.</summary>
    public string Sign(string timestamp, string body) => Sign(timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>The <c>X-Signature-Timestamp</c> for a moment: its Unix seconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>X-Signature-Timestamp</c> for now on the given clock.</summary>
    public static string Timestamp(TimeProvider timeProvider) => Timestamp(timeProvider.GetUtcNow());
}
