using System.Globalization;
using System.Security;
using System.Text;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

/// <summary>An RSS 2.0 document written by the test, item by item.</summary>
internal sealed class RssFeedBuilder(string title = "The Border Desk")
{
    private readonly List<string> _items = [];

    public RssFeedBuilder Item(string title, string? link, DateTimeOffset? published, string description = "", string? guid = null)
    {
        var item = new StringBuilder("    <item>\n");
        item.Append(CultureInfo.InvariantCulture, $"      <title>{SecurityElement.Escape(title)}</title>\n");
        if (link is not null)
        {
            item.Append(CultureInfo.InvariantCulture, $"      <link>{SecurityElement.Escape(link)}</link>\n");
        }

        if (guid is not null)
        {
            item.Append(CultureInfo.InvariantCulture, $"      <guid isPermaLink=\"false\">{SecurityElement.Escape(guid)}</guid>\n");
        }

        if (description.Length > 0)
        {
            item.Append(CultureInfo.InvariantCulture, $"      <description>{SecurityElement.Escape(description)}</description>\n");
        }

        if (published is { } at)
        {
            item.Append(CultureInfo.InvariantCulture, $"      <pubDate>{Rfc822(at)}</pubDate>\n");
        }

        _items.Add(item.Append("    </item>\n").ToString());
        return this;
    }

    /// <summary>An item written by hand (a broken one, say).</summary>
    public RssFeedBuilder RawItem(string xml)
    {
        _items.Add(xml);
        return this;
    }

    public string Build() =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>{SecurityElement.Escape(title)}</title>
            <link>https://news.example.org/</link>
            <description>Test feed</description>
        {string.Concat(_items)}  </channel>
        </rss>
        """;

    public static string Rfc822(DateTimeOffset at) => at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
