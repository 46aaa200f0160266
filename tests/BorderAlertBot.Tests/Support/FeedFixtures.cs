using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BorderAlertBot.Tests.Support;

/// <summary>Small RSS documents for host and CLI tests of the feed source, and the event id an item's link gets.</summary>
public static class FeedFixtures
{
    public static string Rss(params (string Title, string Link, DateTimeOffset Published)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Border Desk</title><link>https://news.example.org/</link><description>Test</description>
        {string.Concat(items.Select(item => $"<item><title>{item.Title}</title><link>{item.Link}</link><pubDate>{item.Published.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0000</pubDate></item>"))}
        </channel></rss>
        """;

    /// <summary>The id a feed item gets: <c>evt_rss_</c> and the first 16 hex digits of the SHA-256 of its link (README, "GDELT and feeds").</summary>
    public static string EventIdOf(string link) => "evt_rss_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link)))[..16];
}
