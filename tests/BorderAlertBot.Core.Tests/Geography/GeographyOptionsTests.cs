using BorderAlertBot.Configuration;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Core.Tests.Geography;

public sealed class GeographyOptionsTests
{
    private readonly SectionOptionsValidator<GeographyOptions> _validator = new(GeographyOptions.SectionName);

    [Fact]
    public void The_defaults_are_the_10_and_50_km_bands()
    {
        var options = new GeographyOptions();

        Assert.Equal(50, options.BorderZoneKm);
        Assert.Equal(10, options.AtBorderKm);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0.5, 0.2, "Geography:BorderZoneKm: must be between 1 and 500")]
    [InlineData(501, 10, "Geography:BorderZoneKm: must be between 1 and 500")]
    [InlineData(50, 0, "Geography:AtBorderKm: must be between 0.1 and 500")]
    [InlineData(20, 30, "Geography:AtBorderKm: must not be more than Geography:BorderZoneKm")]
    public void A_band_out_of_range_is_named_with_its_key(double borderZoneKm, double atBorderKm, string expected)
    {
        var result = _validator.Validate(null, new GeographyOptions { BorderZoneKm = borderZoneKm, AtBorderKm = atBorderKm });

        Assert.Equal([expected], result.Failures!);
    }
}
