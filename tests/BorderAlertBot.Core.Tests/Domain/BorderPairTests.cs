using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class BorderPairTests
{
    [Fact]
    public void A_border_is_the_same_whichever_country_comes_first()
    {
        Assert.Equal(BorderPair.Parse("CN-MM"), BorderPair.Parse("MM-CN"));
        Assert.Equal(BorderPair.Parse("CN-MM").GetHashCode(), BorderPair.Parse("MM-CN").GetHashCode());
    }

    [Theory]
    [InlineData("CN-MM")]
    [InlineData("MM-CN")]
    [InlineData("mm-cn")]
    public void A_border_is_written_alphabetically_in_capitals(string text)
    {
        Assert.Equal("CN-MM", BorderPair.Parse(text).ToString());
    }

    [Fact]
    public void Of_orders_the_two_countries()
    {
        var pair = BorderPair.Of("TH", "MM");

        Assert.Equal("MM", pair.First);
        Assert.Equal("TH", pair.Second);
        Assert.Equal(BorderPair.Parse("MM-TH"), pair);
    }

    [Theory]
    [InlineData("CN-CN")]
    [InlineData("CNMM")]
    [InlineData("C1-MM")]
    [InlineData("CN_MM")]
    [InlineData("CN-MMR")]
    [InlineData("CHN-MM")]
    [InlineData("")]
    public void Text_that_is_not_two_different_country_codes_is_rejected(string text)
    {
        Assert.False(BorderPair.TryParse(text, out _));
        Assert.Throws<FormatException>(() => BorderPair.Parse(text));
    }

    [Theory]
    [InlineData("CN", true)]
    [InlineData("mm", true)]
    [InlineData("TH", false)]
    public void A_border_includes_both_of_its_countries(string country, bool expected)
    {
        Assert.Equal(expected, BorderPair.Parse("CN-MM").Includes(country));
    }
}
