using System.Globalization;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class FigureTests
{
    [Theory]
    [InlineData(FigureKind.Fatalities, 29L, "Kachin Independence Army", "29 killed (as reported by Kachin Independence Army)")]
    [InlineData(FigureKind.Injured, 57L, "UN OCHA", "57 injured (as reported by UN OCHA)")]
    [InlineData(FigureKind.Displaced, 50_000L, "UNHCR", "50,000 displaced (as reported by UNHCR)")]
    [InlineData(FigureKind.TradeValueUsdPerYear, 1_800_000_000L, "Reuters", "US$1.8 bn/yr trade affected (as reported by Reuters)")]
    [InlineData(FigureKind.TradeValueUsdPerYear, 250_000_000L, "Reuters", "US$250 m/yr trade affected (as reported by Reuters)")]
    [InlineData(FigureKind.Trucks, 120L, "Myanmar Now", "120 trucks (as reported by Myanmar Now)")]
    [InlineData(FigureKind.CargoValueUsd, 12_500_000L, "The Irrawaddy", "US$12.5 m cargo (as reported by The Irrawaddy)")]
    [InlineData(FigureKind.CargoValueUsd, 750_000L, "The Irrawaddy", "US$750,000 cargo (as reported by The Irrawaddy)")]
    public void A_figure_reads_as_a_number_with_who_reported_it(FigureKind kind, long value, string reportedBy, string expected)
    {
        Assert.Equal(expected, new Figure(kind, value, reportedBy).Describe());
    }

    [Fact]
    public void A_figure_reads_the_same_whatever_the_culture_of_the_machine()
    {
        // Arrange
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            // Act
            var trade = new Figure(FigureKind.TradeValueUsdPerYear, 1_800_000_000, "Reuters").Describe();
            var displaced = new Figure(FigureKind.Displaced, 50_000, "UNHCR").Describe();

            // Assert
            Assert.Equal("US$1.8 bn/yr trade affected (as reported by Reuters)", trade);
            Assert.Equal("50,000 displaced (as reported by UNHCR)", displaced);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
