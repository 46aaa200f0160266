using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BorderAlertBot.Testing.Fixtures;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

/// <summary>
/// A feed as a well-behaved server serves it at <c>/feed.xml</c>: with an <c>ETag</c> and <c>Last-Modified</c>, and a 304
/// when the request's validators match (or, with <see cref="SupportsConditionalGet"/> off, the whole feed every time).
/// </summary>
internal sealed class FeedFixture
{
    public string Xml { get; set; } = new RssFeedBuilder().Build();

    public DateTimeOffset LastModified { get; set; } = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public bool SupportsConditionalGet { get; set; } = true;

    public string ETag => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Xml)))[..12]}\"";

    public FixtureResponse Handle(FixtureRequest request)
    {
        if (request.Path != "/feed.xml")
        {
            return FixtureResponse.Empty(404);
        }

        if (SupportsConditionalGet && request.Header("If-None-Match") == ETag)
        {
            return FixtureResponse.Empty(304).WithHeader("ETag", ETag);
        }

        var response = FixtureResponse.Text(Xml, "application/rss+xml; charset=utf-8");
        return SupportsConditionalGet
            ? response.WithHeader("ETag", ETag).WithHeader("Last-Modified", LastModified.ToString("R", CultureInfo.InvariantCulture))
            : response;
    }
}
