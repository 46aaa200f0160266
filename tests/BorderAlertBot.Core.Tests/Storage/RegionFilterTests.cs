using BorderAlertBot.Domain;
using BorderAlertBot.Storage;

namespace BorderAlertBot.Core.Tests.Storage;

public sealed class RegionFilterTests
{
    [Theory]
    [InlineData("CN-MM")]
    [InlineData("mm-cn")]
    [InlineData(" CN-MM ")]
    public void A_pair_of_country_codes_is_a_border(string text)
    {
        Assert.Equal(new RegionFilter.Border(BorderPair.Parse("CN-MM")), RegionFilter.Parse(text));
    }

    [Theory]
    [InlineData("MM")]
    [InlineData("mm")]
    [InlineData(" Mm ")]
    public void Two_letters_are_a_country(string text)
    {
        Assert.Equal(new RegionFilter.Country("MM"), RegionFilter.Parse(text));
    }

    [Theory]
    [InlineData("Laukkai", "Laukkai")]
    [InlineData("  Kokang Self-Administered Zone ", "Kokang Self-Administered Zone")]
    [InlineData("CN-CN", "CN-CN")]
    [InlineData("M1", "M1")]
    public void Anything_else_is_a_name(string text, string name)
    {
        Assert.Equal(new RegionFilter.Named(name), RegionFilter.Parse(text));
    }
}
