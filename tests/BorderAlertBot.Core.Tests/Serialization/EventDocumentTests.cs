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
    public void Content_that_is_not_an_events_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EventDocument.WithRevision("{\"title\":\"x\"}"u8, RevisionInfo.Unsaved));
    }
}
