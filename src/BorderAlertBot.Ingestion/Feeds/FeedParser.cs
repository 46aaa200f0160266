using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using BorderAlertBot.Ingestion.Text;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Ingestion.Feeds;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication, one item at a time: XML that is not well-formed, or
/// that is neither format, fails the whole poll (so the runner backs off); an item the formatter cannot read is one
/// item with an error and its line, and the others are still read. DTDs are ignored and nothing external is fetched.
/// </summary>
internal static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1 << 20,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <exception cref="SourceException">The document is not well-formed XML, or not RSS 2.0 or Atom.</exception>
    public static FeedDocument Parse(byte[] xml, string feedName, Uri feedUrl)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), Settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new SourceException($"the feed is not well-formed XML ({exception.Message})", exception);
        }

        var root = document.Root!; // XDocument.Load fails on a document without a root element.
        var (title, elements, isAtom) = root.Name switch
        {
            { LocalName: "rss", NamespaceName: "" } when root.Element("channel") is { } channel =>
                (channel.Element("title")?.Value, channel.Elements("item"), false),
            { LocalName: "rss", NamespaceName: "" } => throw new SourceException("the RSS feed has no <channel>"),
            var name when name == Atom + "feed" => (root.Element(Atom + "title")?.Value, root.Elements(Atom + "entry"), true),
            var name => throw new SourceException($"the feed is neither RSS 2.0 nor Atom (its root element is <{Describe(name)}>)"),
        };
        var items = elements.Select((element, index) => Read(element, index, isAtom, feedName, feedUrl)).ToList();
        var cleanTitle = PlainText.FromHtml(title);
        return new FeedDocument(cleanTitle.Length == 0 ? null : cleanTitle, items);
    }

    private static FeedItem Read(XElement element, int index, bool isAtom, string feedName, Uri feedUrl)
    {
        var line = ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;
        try
        {
            // The formatter reads from a text reader: LINQ to XML's own node reader trips it up ("'Text' is an invalid XmlNodeType").
            using var reader = XmlReader.Create(new StringReader(element.ToString(SaveOptions.DisableFormatting)), Settings);
            reader.MoveToContent();
            SyndicationItemFormatter formatter = isAtom ? new Atom10ItemFormatter() : new Rss20ItemFormatter();
            formatter.ReadFrom(reader);
            return ToFeedItem(formatter.Item, index, line, feedName, feedUrl);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The formatter throws XmlException, FormatException and others for a date or link it cannot read, some of
            // them only when the property is first read (a date), which is why the item is taken apart in here.
            var key = Hash($"{feedName}\n{element.ToString(SaveOptions.DisableFormatting)}");
            return new FeedItem(index, line, key, string.Empty, string.Empty, null, null, $"cannot be read: {FirstLine(exception.Message)}");
        }
    }

    private static FeedItem ToFeedItem(SyndicationItem item, int index, int line, string feedName, Uri feedUrl)
    {
        var title = PlainText.FromHtml(item.Title?.Text);
        var description = PlainText.FromHtml(item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text);
        var link = LinkOf(item, feedUrl);
        DateTimeOffset? published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : null;
        var key = link is not null ? Hash(link.AbsoluteUri)
            : !string.IsNullOrWhiteSpace(item.Id) ? Hash($"{feedName}\n{item.Id.Trim()}")
            : Hash($"{feedName}\n{title}\n{published:O}");
        var error = title.Length == 0 && description.Length == 0 ? "has neither a title nor a description" : null;
        return new FeedItem(index, line, key, title, description, link, published, error);
    }

    /// <summary>The article's link: the item's alternate (or first) link, else a guid that is a URL; relative links resolved against the feed.</summary>
    private static Uri? LinkOf(SyndicationItem item, Uri feedUrl)
    {
        var link = item.Links.FirstOrDefault(candidate => candidate.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
        var candidates = new[] { link?.Uri, Uri.TryCreate(item.Id, UriKind.Absolute, out var id) ? id : null };
        foreach (var candidate in candidates)
        {
            if (candidate is null)
            {
                continue;
            }

            var absolute = candidate.IsAbsoluteUri ? candidate : Uri.TryCreate(feedUrl, candidate, out var resolved) ? resolved : null;
            if (absolute is not null && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                return absolute;
            }
        }

        return null;
    }

    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="text"/>: stable, short, safe in an event id.</summary>
    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Describe(XName name) => name.NamespaceName.Length == 0 ? name.LocalName : $"{name.LocalName} in {name.NamespaceName}";

    private static string FirstLine(string message) => PlainText.Clamp(PlainText.Collapse(message), 200);
}
