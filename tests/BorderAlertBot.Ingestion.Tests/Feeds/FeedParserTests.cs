using System.Text;
using BorderAlertBot.Ingestion.Feeds;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example.org/feeds/border.xml");
    private static readonly DateTimeOffset Published = new(2023, 10, 27, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Rss_items_are_read_with_their_title_link_date_and_description_as_plain_text()
    {
        // Arrange
        var xml = new RssFeedBuilder("The Border Desk")
            .Item("MNDAA seizes Chinshwehaw &amp; its gate", "https://news.example.org/a", Published, "<p>Fighting <b>broke out</b> at dawn.<script>alert(1)</script></p>")
            .Build();

        // Act
        var document = Parse(xml);

        // Assert
        Assert.Equal("The Border Desk", document.Title);
        var item = Assert.Single(document.Items);
        Assert.Null(item.Error);
        Assert.Equal(("MNDAA seizes Chinshwehaw & its gate", "Fighting broke out at dawn.", "https://news.example.org/a", Published),
            (item.Title, item.Description, item.Link?.AbsoluteUri, item.Published));
        Assert.Equal(FeedParser.Hash("https://news.example.org/a"), item.Key);
        Assert.Null(item.Error);
    }

    [Fact]
    public void Atom_entries_are_read_too()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom Desk</title>
              <id>urn:uuid:feed</id>
              <updated>2023-10-27T05:00:00Z</updated>
              <entry>
                <title>Air strike near Laiza</title>
                <id>urn:uuid:entry-1</id>
                <link rel="alternate" href="/news/laiza-strike"/>
                <published>2023-10-09T17:00:00Z</published>
                <updated>2023-10-10T01:00:00Z</updated>
                <summary type="html">&lt;p&gt;A camp was hit.&lt;/p&gt;</summary>
              </entry>
            </feed>
            """;

        var item = Assert.Single(Parse(xml).Items);

        Assert.Equal(("Air strike near Laiza", "A camp was hit.", "https://news.example.org/news/laiza-strike", new DateTimeOffset(2023, 10, 9, 17, 0, 0, TimeSpan.Zero)),
            (item.Title, item.Description, item.Link?.AbsoluteUri, item.Published));
    }

    [Fact]
    public void Xml_that_is_not_well_formed_fails_the_poll()
    {
        var failure = Assert.Throws<SourceException>(() => Parse("<rss><channel><item><title>Unclosed</channel></rss>"));

        Assert.StartsWith("the feed is not well-formed XML (", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_that_is_neither_rss_nor_atom_fails_the_poll()
    {
        var failure = Assert.Throws<SourceException>(() => Parse("<html><body>Log in</body></html>"));

        Assert.Equal("the feed is neither RSS 2.0 nor Atom (its root element is <html>)", failure.Message);
    }

    [Fact]
    public void An_rss_document_without_a_channel_fails_the_poll()
    {
        var failure = Assert.Throws<SourceException>(() => Parse("<rss version=\"2.0\"><item><title>Orphan</title></item></rss>"));

        Assert.Equal("the RSS feed has no <channel>", failure.Message);
    }

    [Fact]
    public void An_item_the_formatter_cannot_read_is_an_error_with_its_line_and_the_others_are_read()
    {
        // Arrange
        var xml = new RssFeedBuilder()
            .Item("First", "https://news.example.org/1", Published)
            .RawItem("    <item>\n      <title>Bad date</title>\n      <pubDate>the day after tomorrow</pubDate>\n    </item>\n")
            .Item("Third", "https://news.example.org/3", Published)
            .Build();

        // Act
        var items = Parse(xml).Items;

        // Assert
        Assert.Equal(["First", string.Empty, "Third"], items.Select(item => item.Title));
        Assert.Null(items[0].Error);
        Assert.StartsWith("cannot be read: ", items[1].Error, StringComparison.Ordinal);
        Assert.Equal(12, items[1].Line);
        Assert.Null(items[2].Error);
    }

    [Fact]
    public void One_article_in_two_feeds_has_one_key_and_a_guid_without_link_is_keyed_by_its_feed()
    {
        var xml = new RssFeedBuilder().Item("Clash in Muse", "https://news.example.org/muse", Published).Item("No link", null, Published, guid: "1234").Build();

        var inOne = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "one", FeedUrl).Items;
        var inTwo = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "two", FeedUrl).Items;

        Assert.Equal(inOne[0].Key, inTwo[0].Key);
        Assert.NotEqual(inOne[1].Key, inTwo[1].Key);
        Assert.Null(inOne[1].Link);
    }

    [Fact]
    public void A_document_type_declaration_is_ignored_and_nothing_external_is_fetched()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY remote SYSTEM "http://127.0.0.1:9/secret">]>
            <rss version="2.0"><channel><title>T</title><item><title>Fighting in Muse</title><link>https://news.example.org/m</link></item></channel></rss>
            """;

        var item = Assert.Single(Parse(xml).Items);

        Assert.Equal("Fighting in Muse", item.Title);
    }

    private static FeedDocument Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "desk", FeedUrl);
}
