using System.Security;
using System.Text;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Feeds;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Sources;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

/// <summary>Hostile feeds: the parser answers with items (some with errors) or a <see cref="SourceException"/>, and the classifier never throws.</summary>
public sealed class FeedParserPropertyTests
{
    private static readonly Uri FeedUrl = new("https://news.example.org/feed.xml");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly FeedItemClassifier Classifier = new(Gazetteer.Bundled);

    private static readonly Gen<string> Junk = Gen.ArrayOf(Gen.Elements(
            '<', '>', '/', '&', ';', '"', '\'', '=', ' ', 'a', 'M', 'u', 's', 'e', 'L', 'i', 'z', 'f', 't', '-', '1', '\n', '\uD800', '\u0001', 'é', '#', '!', '[', ']', '?'))
        .Select(chars => new string(chars));

    private static readonly Gen<string> Words = Gen.Elements(
            "Fighting", "near", "Muse", "muse", "Chin Shwe Haw", "ceasefire", "border gate", "closed", "trucks", "burned", "MNDAA", "junta", "the",
            "China-Myanmar border", "<b>", "</b>", "&amp;", "&#x0;", "105 Mile", "talks", "reopen", "sanctions", "air strike", "Laiza", "老街")
        .ArrayOf()
        .Select(words => string.Join(' ', words));

    private static readonly string Valid = new RssFeedBuilder()
        .Item("Clash in Muse", "https://news.example.org/1", Now.AddHours(-1), "<p>Fighting near the gate.</p>")
        .Item("Air strike near Laiza", "https://news.example.org/2", Now.AddHours(-2))
        .Build();

    private static readonly Gen<string> Document = Gen.OneOf(
        Junk,
        Gen.Choose(0, Valid.Length).SelectMany(at => Junk.Select(junk => Valid.Insert(at, junk))),
        Gen.Choose(0, Valid.Length).Select(at => Valid[..at]),
        Gen.Zip(Gen.Zip(Words, Words), Junk).Select(parts => new RssFeedBuilder()
            .Item(parts.Item1.Item1, "https://news.example.org/" + Convert.ToHexString(Encoding.UTF8.GetBytes(parts.Item2)), Now, parts.Item1.Item2)
            .RawItem($"<item><title>{SecurityElement.Escape(parts.Item1.Item2)}</title><pubDate>{SecurityElement.Escape(parts.Item2)}</pubDate><link>{SecurityElement.Escape(parts.Item2)}</link></item>")
            .Build()));

    [Fact]
    public void Any_document_gives_items_or_a_source_exception_and_every_candidate_maps()
    {
        var property = Prop.ForAll(Document.ToArbitrary(), xml =>
        {
            FeedDocument document;
            try
            {
                document = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "fuzz", FeedUrl);
            }
            catch (SourceException)
            {
                return;
            }

            foreach (var item in document.Items.Where(item => item.Error is null))
            {
                var (candidate, skipped) = Classifier.Classify(item.Title, item.Description);
                Assert.True(candidate is null != (skipped is null));
                if (candidate is not null && item.Link is { } link)
                {
                    var mapped = FeedEventMapper.Map(item, link, candidate, Now);
                    Assert.InRange(mapped.Title.Length, 0, ConflictEvent.MaxTitleLength);
                    Assert.InRange(mapped.Summary.Length, 0, ConflictEvent.MaxSummaryLength);
                }
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases(300)), property);
    }

    [Fact]
    public void The_classifier_reads_any_text_without_throwing()
    {
        var text = Gen.OneOf(Junk, Words);
        var property = Prop.ForAll(Gen.Zip(text, text).ToArbitrary(), pair =>
        {
            var (candidate, skipped) = Classifier.Classify(pair.Item1, pair.Item2);

            Assert.True(candidate is null != (skipped is null));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases(300)), property);
    }
}
