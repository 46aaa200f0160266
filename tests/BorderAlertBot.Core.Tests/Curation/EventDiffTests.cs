using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Curation;

public sealed class EventDiffTests
{
    [Fact]
    public void A_status_change_says_from_what_to_what_and_why()
    {
        var builder = new EventBuilder();
        var before = builder.Build();
        var after = builder.WithStatus(EventStatus.Retracted, "The footage was from 2021.").Build();

        var changes = EventDiff.Describe(before, after);

        Assert.Equal(["status Verified → Retracted: The footage was from 2021."], changes);
    }

    [Fact]
    public void A_status_change_without_a_reason_says_only_from_what_to_what()
    {
        var builder = new EventBuilder().WithStatus(EventStatus.Pending);
        var before = builder.Build();
        var after = builder.WithStatus(EventStatus.Verified).Build();

        Assert.Equal(["status Pending → Verified"], EventDiff.Describe(before, after));
    }

    [Fact]
    public void An_added_figure_is_listed_with_who_reported_it()
    {
        var builder = new EventBuilder();
        var before = builder.Build();
        var after = builder.WithFigure(FigureKind.Injured, 3, "UN OCHA").Build();

        Assert.Equal(["+ figure: 3 injured (as reported by UN OCHA)"], EventDiff.Describe(before, after));
    }

    [Fact]
    public void A_figure_that_raises_the_severity_lists_both_changes()
    {
        // Arrange
        var builder = new EventBuilder().WithSubtype(EventSubtype.AirStrike);
        var before = builder.Build();

        // Act
        var after = builder.WithFigure(FigureKind.Fatalities, 29, "Kachin Independence Army").Build();
        var changes = EventDiff.Describe(before, after);

        // Assert
        Assert.Contains("severity Significant → Critical", changes);
        Assert.Contains("+ figure: 29 killed (as reported by Kachin Independence Army)", changes);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void A_removed_source_is_listed_with_its_address()
    {
        var kept = new Source("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/1"), null);
        var dropped = new Source("Reuters", new Uri("https://www.reuters.com/world/2"), null);
        var builder = new EventBuilder().WithSources(kept, dropped);
        var before = builder.Build();
        var after = builder.WithSources(kept).Build();

        Assert.Equal(["− source: Reuters https://www.reuters.com/world/2"], EventDiff.Describe(before, after));
    }

    [Fact]
    public void A_curator_override_shows_as_a_severity_change()
    {
        var builder = new EventBuilder().WithSubtype(EventSubtype.TerritorySeized);
        var before = builder.Build();
        var after = builder.WithSeverityOverride(Severity.Critical, "largest crossing on the border").Build();

        Assert.Equal(["severity High → Critical"], EventDiff.Describe(before, after));
    }

    [Fact]
    public void Title_and_summary_changes_are_named_without_the_text()
    {
        var before = new EventBuilder().Build();
        var after = before with { Title = "About 120 trucks burned at Kyin San Kyawt", Summary = "Trucks burned." };

        Assert.Equal(["title changed", "summary changed"], EventDiff.Describe(before, after));
    }

    [Fact]
    public void Moved_coordinates_at_the_same_place_are_named()
    {
        var before = new EventBuilder().Build();
        var after = before with { Location = before.Location! with { Point = new GeoPoint(23.70, 98.77) } };

        Assert.Equal(["coordinates changed"], EventDiff.Describe(before, after));
    }

    [Fact]
    public void A_change_no_rule_describes_says_details_changed()
    {
        var before = new EventBuilder().Build();
        var after = before with { Location = before.Location! with { Precision = LocationPrecision.Near } };

        Assert.Equal(["details changed"], EventDiff.Describe(before, after));
    }
}
