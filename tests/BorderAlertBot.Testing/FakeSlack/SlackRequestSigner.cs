using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>
/// Signs a request as Slack signs slash commands and interactivity (§2): HMAC-SHA256 over
/// <c>v0:{timestamp}:{raw body}</c> keyed with the signing secret as UTF-8 text, sent as
/// <c>X-Slack-Signature: v0=&lt;lowercase hex&gt;</c> with <c>X-Slack-Request-Timestamp</c> (Unix seconds).
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider timeProvider)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string FormContentType = "application/x-www-form-urlencoded";

    public static string ComputeSignature(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), basestring));
    }

    /// <summary>The current Unix time of the clock, as Slack puts it in the timestamp header.</summary>
    public string Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A POST of <paramref name="body"/> (form-encoded unless told otherwise), signed now or at <paramref name="timestamp"/>.</summary>
    public HttpRequestMessage CreateRequest(Uri url, string body, string contentType = FormContentType, string? timestamp = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        Sign(request, bytes, timestamp);
        return request;
    }

    /// <summary>Adds the two signing headers for <paramref name="body"/>, the exact bytes the request will carry.</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, string? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ts = timestamp ?? Now();
        request.Headers.Remove(TimestampHeader);
        request.Headers.Remove(SignatureHeader);
        request.Headers.TryAddWithoutValidation(TimestampHeader, ts);
        request.Headers.TryAddWithoutValidation(SignatureHeader, ComputeSignature(signingSecret, ts, body));
    }
}
