using System.Text;
using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Serialization;

public sealed class EventDocumentTests
{
    [Fact]
    public void A_document_built_from_the_fingerprinted_content_is_byte_for_byte_the_serialised_event()
    {
        // Arrange: events with and without optional parts, non-ASCII text and a long revision history line.
        var events = new[]
        {
            new EventBuilder().Build(),
            new EventBuilder().WithTitle("Clash near Lai Zar — “heavy” fighting, 老街").WithFigure(FigureKind.Fatalities, 29, "ACLED").At(null).OnBorder(null).Build(),
            new EventBuilder().WithStatus(EventStatus.Retracted, "withdrawn by acled").WithSeverityOverride(Severity.Critical, "the command surrendered").Build(),
            new EventBuilder().WithStatus(EventStatus.Merged, "merged into evt_acled_mmr1").Build() with { MergedInto = EventId.Parse("evt_acled_mmr1") },
            new EventBuilder().Build() with { MergedReports = [EventId.Parse("evt_gdelt_1"), EventId.Parse("evt_rss_2")] },
        };

        foreach (var conflictEvent in events)
        {
            var saved = conflictEvent with { Revision = new RevisionInfo(7, new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(6.5)), "desk \"night\"", ["title changed", "+ figure: 29 killed"]) };

            // Act
            var content = EventDocument.SerializeContent(saved);
            var document = EventDocument.WithRevision(content, saved.Revision);

            // Assert
            Assert.Equal(EventDocument.Serialize(saved), Encoding.UTF8.GetString(document));
            Assert.Equal(EventDocument.Fingerprint(saved), EventDocument.Fingerprint(content));
        }
    }

    [Fact]
    public void A_stored_document_keeps_its_form_ids_and_borders_as_text_and_names_in_camel_case()
    {
        // Arrange: every optional part set, so a change to any property's stored form shows here.
        var built = new EventBuilder()
            .WithId("evt_acled_mmr2")
            .WithTitle("Clash near Laukkai")
            .WithSources(new Source("The Irrawaddy", new Uri("https://news.example/clash"), new DateTimeOffset(2024, 1, 5, 8, 0, 0, TimeSpan.Zero)))
            .WithStatus(EventStatus.Verified, "two sources agree")
            .WithExternalIds("acled:MMR12345")
            .WithFigure(FigureKind.Fatalities, 29, "ACLED")
            .WithSeverityOverride(Severity.Critical, "the command surrendered")
            .WithRevision(new RevisionInfo(3, new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero), "desk", ["title changed"]))
            .Build();
        var conflictEvent = built with
        {
            Border = new BorderPosition(BorderPair.Parse("MM-CN"), 4.5),
            MergedInto = EventId.Parse("evt_acled_mmr1"),
            MergedReports = [EventId.Parse("evt_gdelt_1")],
        };

        // One property to a line; the document itself has no line breaks.
        var expected = """
            {"mergedInto":"evt_acled_mmr1",
            "mergedReports":["evt_gdelt_1"],
            "id":"evt_acled_mmr2",
            "externalIds":["acled:MMR12345"],
            "kind":"BorderClash",
            "subtype":"ArmedClash",
            "title":"Clash near Laukkai",
            "summary":"Fighting was reported near the town.",
            "occurred":{"at":"2024-01-05T00:00:00+00:00","precision":"Day"},
            "location":{"countryCode":"MM","admin1":"Shan-North","admin2":"Kokang Self-Administered Zone","admin3":"Laukkaing","place":"Laukkai","point":{"latitude":23.6916,"longitude":98.7641},"precision":"Exact"},
            "border":{"pair":"CN-MM","distanceKm":4.5},
            "actors":[{"name":"MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army","shortName":"MNDAA"}],
            "figures":[{"kind":"Fatalities","value":29,"reportedBy":"ACLED"}],
            "sources":[{"name":"The Irrawaddy","url":"https://news.example/clash","publishedAt":"2024-01-05T08:00:00+00:00"}],
            "status":"Verified",
            "statusReason":"two sources agree",
            "severity":{"computed":"Critical","reasons":["ArmedClash is at least Moderate","29 killed (\u2265 25) \u2192 Critical"],"override":{"severity":"Critical","reason":"the command surrendered"}},
            "revision":{"number":3,"at":"2024-03-01T09:30:00+00:00","by":"desk","changes":["title changed"]}}
            """.ReplaceLineEndings(string.Empty);

        // Act
        var document = EventDocument.Serialize(conflictEvent);

        // Assert
        Assert.Equal(expected, document);
        Assert.Equal(document, EventDocument.Serialize(EventDocument.Deserialize(document)));
    }

    [Fact]
    public void A_point_reads_back_whatever_the_order_of_its_coordinates_and_whatever_else_it_holds()
    {
        // Arrange: a stored document whose point has its coordinates the other way round and a property we never wrote.
        const string Written = "\"point\":{\"latitude\":23.6916,\"longitude\":98.7641}";
        var document = EventDocument.Serialize(new EventBuilder().Build());
        Assert.Contains(Written, document, StringComparison.Ordinal);
        var reordered = document.Replace(Written, "\"point\":{\"longitude\":98.7641,\"elevation\":{\"m\":[1]},\"latitude\":23.6916}", StringComparison.Ordinal);

        // Act
        var location = EventDocument.Deserialize(reordered).Location!;

        // Assert
        Assert.Equal(new GeoPoint(23.6916, 98.7641), location.Point);
        Assert.Equal(LocationPrecision.Exact, location.Precision);
    }

    [Fact]
    public void Content_that_is_not_an_events_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EventDocument.WithRevision("{\"title\":\"x\"}"u8, RevisionInfo.Unsaved));
    }
}
