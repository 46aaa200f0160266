using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class ConflictEventTests
{
    [Fact]
    public void One_report_is_one_report_from_one_source()
    {
        var conflictEvent = new EventBuilder().WithSources(new Source("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/1"), null)).Build();

        Assert.Equal("1 report · 1 source", conflictEvent.Corroboration);
    }

    [Fact]
    public void Reports_from_one_site_count_as_one_source_with_or_without_www()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithSources(
                new Source("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/1"), null),
                new Source("Irrawaddy (Burmese)", new Uri("https://irrawaddy.com/burmese/2"), null),
                new Source("Reuters", new Uri("https://www.reuters.com/world/asia-pacific/3"), null))
            .Build();

        // Act
        var corroboration = conflictEvent.Corroboration;

        // Assert
        Assert.Equal("3 reports · 2 sources", corroboration);
    }

    [Fact]
    public void Two_reports_from_two_sites_are_two_sources()
    {
        var conflictEvent = new EventBuilder()
            .WithSources(
                new Source("Myanmar Now", new Uri("https://myanmar-now.org/en/news/1"), null),
                new Source("Reuters", new Uri("https://www.reuters.com/world/2"), null))
            .Build();

        Assert.Equal("2 reports · 2 sources", conflictEvent.Corroboration);
    }
}
