using System.Text;
using BorderAlertBot.Slack.Signing;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Slack.Tests.Signing;

public sealed class SlackSignatureTests
{
    // Slack's worked example (platforms/slack.md §2).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset Then = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void The_example_body_is_362_bytes()
    {
        Assert.Equal(362, Encoding.UTF8.GetByteCount(Body));
    }

    [Fact]
    public void Slack_s_published_example_is_valid_with_the_clock_pinned_to_its_timestamp()
    {
        // Arrange
        var signature = Create(Then);

        // Act
        var verdict = signature.Verify(Expected, Timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SlackSignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Signing_the_example_gives_Slack_s_published_signature()
    {
        Assert.Equal(Expected, Create(Then).Sign(Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void The_example_is_stale_on_a_clock_that_is_not_pinned()
    {
        Assert.Equal(SlackSignatureVerdict.Stale, Create(Then.AddDays(1)).Verify(Expected, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_forged_signature_is_a_mismatch(string forged)
    {
        Assert.Equal(SlackSignatureVerdict.Mismatch, Create(Then).Verify(forged, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_signature_made_with_a_secret_one_character_short_is_a_mismatch()
    {
        // Arrange
        var shortSecret = new SlackSignature(Secret[..^1], new FakeTimeProvider(Then));
        var forged = shortSecret.Sign(Timestamp, Encoding.UTF8.GetBytes(Body));

        // Act
        var verdict = Create(Then).Verify(forged, Timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.StartsWith("v0=f6a9f54a", forged, StringComparison.Ordinal);
        Assert.EndsWith("3543", forged, StringComparison.Ordinal);
        Assert.Equal(SlackSignatureVerdict.Mismatch, verdict);
    }

    [Fact]
    public void A_signature_for_another_timestamp_is_a_mismatch()
    {
        Assert.Equal(SlackSignatureVerdict.Mismatch, Create(Then).Verify(Expected, "1531420619", Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("%2Fwebhook-collect", "/webhook-collect")]
    [InlineData("%2Fwebhook-collect", "%2fwebhook-collect")]
    [InlineData("user_name=roadrunner", "user_name=road%72unner")]
    [InlineData("&text=&", "&text=&amp;")]
    public void The_same_form_encoded_differently_is_a_mismatch(string original, string reencoded)
    {
        // Arrange
        var body = Body.Replace(original, reencoded, StringComparison.Ordinal);

        // Act
        var verdict = Create(Then).Verify(Expected, Timestamp, Encoding.UTF8.GetBytes(body));

        // Assert
        Assert.NotEqual(Body, body);
        Assert.Equal(SlackSignatureVerdict.Mismatch, verdict);
    }

    [Fact]
    public void The_form_re_serialised_in_another_text_encoding_is_a_mismatch()
    {
        // Arrange: the same characters as UTF-16, as a framework that re-reads and re-writes the form might produce.
        var body = Encoding.Unicode.GetBytes(Body);

        // Act
        var verdict = Create(Then).Verify(Expected, Timestamp, body);

        // Assert
        Assert.Equal(SlackSignatureVerdict.Mismatch, verdict);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    [InlineData(86_400)]
    public void A_genuinely_signed_request_outside_five_minutes_either_way_is_stale(int secondsFromNow)
    {
        // Arrange
        var now = Then.AddHours(1);
        var signature = Create(now);
        var timestamp = (now.ToUnixTimeSeconds() + secondsFromNow).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var header = signature.Sign(timestamp, Encoding.UTF8.GetBytes(Body));

        // Act
        var verdict = signature.Verify(header, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SlackSignatureVerdict.Stale, verdict);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void A_genuinely_signed_request_within_five_minutes_either_way_is_valid(int secondsFromNow)
    {
        // Arrange
        var now = Then.AddHours(1);
        var signature = Create(now);
        var timestamp = (now.ToUnixTimeSeconds() + secondsFromNow).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var header = signature.Sign(timestamp, Encoding.UTF8.GetBytes(Body));

        // Act
        var verdict = signature.Verify(header, timestamp, Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(SlackSignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void The_window_follows_the_injected_clock()
    {
        // Arrange
        var clock = new FakeTimeProvider(Then);
        var signature = new SlackSignature(Secret, clock);
        var body = Encoding.UTF8.GetBytes(Body);

        // Act
        var before = signature.Verify(Expected, Timestamp, body);
        clock.Advance(TimeSpan.FromSeconds(301));
        var after = signature.Verify(Expected, Timestamp, body);

        // Assert
        Assert.Equal(SlackSignatureVerdict.Valid, before);
        Assert.Equal(SlackSignatureVerdict.Stale, after);
    }

    [Theory]
    [InlineData(null, Timestamp)]
    [InlineData("", Timestamp)]
    [InlineData(Expected, null)]
    [InlineData(Expected, "")]
    [InlineData(null, null)]
    public void A_missing_header_is_reported_as_missing(string? header, string? timestamp)
    {
        Assert.Equal(SlackSignatureVerdict.MissingHeader, Create(Then).Verify(header, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Timestamp)]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Timestamp)]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", Timestamp)]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5", Timestamp)]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300", Timestamp)]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Timestamp)]
    [InlineData(" " + Expected, Timestamp)]
    [InlineData(Expected, "1531420618.0")]
    [InlineData(Expected, "-1531420618")]
    [InlineData(Expected, " 1531420618")]
    [InlineData(Expected, "1.5e9")]
    [InlineData(Expected, "now")]
    [InlineData(Expected, "99999999999999999999999")]
    public void A_malformed_header_is_a_bad_format(string header, string timestamp)
    {
        Assert.Equal(SlackSignatureVerdict.BadFormat, Create(Then).Verify(header, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_timestamp_past_the_calendar_is_stale_not_an_exception()
    {
        Assert.Equal(SlackSignatureVerdict.Stale, Create(Then).Verify(Expected, "9223372036854775807", Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void An_empty_secret_is_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new SlackSignature(string.Empty, TimeProvider.System));
    }

    [Fact]
    public void Nothing_a_caller_can_read_contains_the_secret()
    {
        // Arrange
        var signature = Create(Then);

        // Act
        var verdicts = new[]
        {
            signature.Verify(null, Timestamp, []),
            signature.Verify("v0=nope", Timestamp, []),
            signature.Verify(Expected, "1", []),
            signature.Verify(Expected, Timestamp, []),
        };

        // Assert
        Assert.All(verdicts, verdict => Assert.DoesNotContain(Secret, verdict.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, signature.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(
            [SlackSignatureVerdict.MissingHeader, SlackSignatureVerdict.BadFormat, SlackSignatureVerdict.Stale, SlackSignatureVerdict.Mismatch],
            verdicts);
    }

    private static SlackSignature Create(DateTimeOffset now) => new(Secret, new FakeTimeProvider(now));
}
