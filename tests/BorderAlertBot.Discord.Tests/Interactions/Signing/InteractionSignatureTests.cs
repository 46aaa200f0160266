using System.Text;
using BorderAlertBot.Discord.Interactions.Signing;
using BorderAlertBot.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Discord.Tests.Interactions.Signing;

public sealed class InteractionSignatureTests
{
    private const string Body = """{"type":1,"id":"1401122334455667788","application_id":"1300000000000000001","token":"aW50ZXJhY3Rpb24","version":1}""";

    // y = 2^255 - 19 (little-endian) is the field's prime itself, not a coordinate, so it encodes no point.
    private const string NotAPoint = "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InteractionSigner _signer = new();
    private readonly InteractionSignature _signature;

    public InteractionSignatureTests() => _signature = new InteractionSignature(_signer.PublicKeyHex, _time, MaxAge);

    private string Now => InteractionSigner.Timestamp(_time);

    [Fact]
    public void A_body_signed_with_the_application_key_is_valid()
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void An_empty_body_signed_with_the_application_key_is_valid()
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, string.Empty);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, ReadOnlySpan<byte>.Empty);

        // Assert
        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Upper_case_hex_is_accepted_in_the_signature_and_the_public_key()
    {
        // Arrange
        var signature = new InteractionSignature(_signer.PublicKeyHex.ToUpperInvariant(), _time, MaxAge);
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, Body).ToUpperInvariant();

        // Act
        var verdict = signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(31, 7)]
    [InlineData(32, 0)]
    [InlineData(63, 3)]
    public void A_signature_with_one_bit_flipped_is_forged(int byteIndex, int bit)
    {
        // Arrange
        var timestamp = Now;
        var bytes = Convert.FromHexString(_signer.Sign(timestamp, Body));
        bytes[byteIndex] ^= (byte)(1 << bit);

        // Act
        var verdict = _signature.Verify(Convert.ToHexStringLower(bytes), timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Fact]
    public void A_signature_by_another_key_is_forged()
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = new InteractionSigner().Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Theory]
    [InlineData("""{ "type": 1, "id": "1401122334455667788", "application_id": "1300000000000000001", "token": "aW50ZXJhY3Rpb24", "version": 1 }""")]
    [InlineData("""{"id":"1401122334455667788","type":1,"application_id":"1300000000000000001","token":"aW50ZXJhY3Rpb24","version":1}""")]
    [InlineData("""{"type":1,"id":"1401122334455667788","application_id":"1300000000000000001","token":"aW50ZXJhY3Rpb24","version":1}""" + "\n")]
    public void The_same_json_written_another_way_is_forged(string reserialised)
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(reserialised));

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Fact]
    public void A_body_one_byte_longer_is_forged()
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, Body);
        var longer = Encoding.UTF8.GetBytes(Body + " ");

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, longer);

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Fact]
    public void A_body_one_byte_shorter_is_forged()
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, Body);
        var shorter = Encoding.UTF8.GetBytes(Body)[..^1];

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, shorter);

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Fact]
    public void Another_timestamp_under_the_same_signature_is_forged()
    {
        // Arrange
        var signedAt = _time.GetUtcNow().AddSeconds(-1);
        var signatureHex = _signer.Sign(InteractionSigner.Timestamp(signedAt), Body);

        // Act
        var verdict = _signature.Verify(signatureHex, Now, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Fact]
    public void A_signature_that_is_no_curve_point_is_forged_rather_than_an_error()
    {
        // Arrange
        var signatureHex = new string('f', 128);

        // Act
        var verdict = _signature.Verify(signatureHex, Now, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Theory]
    [InlineData(-300, SignatureVerdict.Valid)]
    [InlineData(-301, SignatureVerdict.Stale)]
    [InlineData(-86_400, SignatureVerdict.Stale)]
    [InlineData(300, SignatureVerdict.Valid)]
    [InlineData(301, SignatureVerdict.Stale)]
    [InlineData(86_400, SignatureVerdict.Stale)]
    public void A_timestamp_further_from_now_than_the_max_age_either_way_is_stale(int secondsFromNow, SignatureVerdict expected)
    {
        // Arrange
        var timestamp = InteractionSigner.Timestamp(_time.GetUtcNow().AddSeconds(secondsFromNow));
        var signatureHex = _signer.Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void A_signed_request_goes_stale_as_the_clock_moves_on()
    {
        // Arrange
        var timestamp = Now;
        var signatureHex = _signer.Sign(timestamp, Body);
        var first = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Act
        _time.Advance(MaxAge + TimeSpan.FromSeconds(1));
        var replayed = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Valid, first);
        Assert.Equal(SignatureVerdict.Stale, replayed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9999999999")]
    [InlineData("253402300800")]
    [InlineData("9223372036854775807")]
    public void A_signed_timestamp_far_from_now_is_stale_rather_than_an_error(string timestamp)
    {
        // Arrange
        var signatureHex = _signer.Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Stale, verdict);
    }

    [Fact]
    public void A_forged_signature_with_a_stale_timestamp_is_forged()
    {
        // Arrange
        var timestamp = InteractionSigner.Timestamp(_time.GetUtcNow().AddHours(-1));
        var signatureHex = new InteractionSigner().Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Forged, verdict);
    }

    [Theory]
    [InlineData(null, "1788264000")]
    [InlineData("", "1788264000")]
    [InlineData("signature", null)]
    [InlineData("signature", "")]
    [InlineData(null, null)]
    public void A_missing_or_empty_header_is_missing(string? signatureHex, string? timestamp)
    {
        // Arrange
        var signature = signatureHex == "signature" ? _signer.Sign(Now, Body) : signatureHex;

        // Act
        var verdict = _signature.Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Missing, verdict);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(129)]
    [InlineData(64)]
    [InlineData(256)]
    public void A_signature_that_is_not_128_characters_is_malformed(int length)
    {
        // Arrange
        var signatureHex = (_signer.Sign(Now, Body) + _signer.Sign(Now, Body))[..length];

        // Act
        var verdict = _signature.Verify(signatureHex, Now, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Malformed, verdict);
    }

    [Theory]
    [InlineData('g')]
    [InlineData(' ')]
    [InlineData('-')]
    [InlineData('é')]
    public void A_signature_with_a_character_that_is_not_hex_is_malformed(char notHex)
    {
        // Arrange
        var signatureHex = notHex + _signer.Sign(Now, Body)[1..];

        // Act
        var verdict = _signature.Verify(signatureHex, Now, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Malformed, verdict);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1788264000")]
    [InlineData("+1788264000")]
    [InlineData("1788264000.5")]
    [InlineData(" 1788264000")]
    [InlineData("1788264000 ")]
    [InlineData("1.788264e9")]
    [InlineData("2026-09-01T12:00:00Z")]
    [InlineData("99999999999999999999")]
    [InlineData("١٧٨٨٢٦٤٠٠٠")]
    public void A_timestamp_that_is_not_whole_unix_seconds_is_malformed(string timestamp)
    {
        // Arrange
        var signatureHex = _signer.Sign(timestamp, Body);

        // Act
        var verdict = _signature.Verify(signatureHex, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SignatureVerdict.Malformed, verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_configured_public_key_that_is_not_64_hex_characters_fails_at_construction(string publicKeyHex)
    {
        // Arrange
        var construct = () => new InteractionSignature(publicKeyHex, _time, MaxAge);

        // Act
        var exception = Assert.Throws<ArgumentException>(construct);

        // Assert
        Assert.Equal("publicKeyHex", exception.ParamName);
        Assert.Contains("64 hex characters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_public_key_that_is_no_ed25519_key_fails_at_construction()
    {
        // Arrange
        var construct = () => new InteractionSignature(NotAPoint, _time, MaxAge);

        // Act
        var exception = Assert.Throws<ArgumentException>(construct);

        // Assert
        Assert.Contains("not an Ed25519 public key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_max_age_that_is_not_positive_fails_at_construction()
    {
        // Arrange
        var construct = () => new InteractionSignature(_signer.PublicKeyHex, _time, TimeSpan.Zero);

        // Act
        var exception = Assert.Throws<ArgumentOutOfRangeException>(construct);

        // Assert
        Assert.Equal("maxAge", exception.ParamName);
    }
}
