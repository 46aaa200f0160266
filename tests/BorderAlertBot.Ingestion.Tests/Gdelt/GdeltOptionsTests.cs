using BorderAlertBot.Configuration;
using BorderAlertBot.Ingestion.Gdelt;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

public sealed class GdeltOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_point_at_gdelts_v2_folder()
    {
        var options = new GdeltOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal((false, "http://data.gdeltproject.org/gdeltv2/", TimeSpan.FromMinutes(15)), (options.Enabled, options.FolderUri().AbsoluteUri, options.Interval));
        Assert.Equal(["BM", "CH"], options.Countries);
    }

    [Fact]
    public void A_bad_url_an_unknown_fips_code_and_a_bad_actor_country_are_each_named()
    {
        var options = new GdeltOptions { BaseUrl = "data.gdeltproject.org", Countries = ["BM", "MM"], ActorCountries = ["mm"] };

        var result = Validate(options);

        Assert.Equal(
            [
                "Gdelt:BaseUrl: 'data.gdeltproject.org' is not an absolute http(s) URL",
                "Gdelt:Countries:1: 'MM' is not a FIPS code this bot knows (known: BM, CH, TH, IN, LA, BG, VM, NP, BT)",
                "Gdelt:ActorCountries:0: 'mm' is not a CAMEO country code (three capitals, such as MMR)",
            ],
            result.Failures);
    }

    [Fact]
    public void An_interval_under_a_minute_is_refused()
    {
        var result = Validate(new GdeltOptions { Interval = TimeSpan.FromSeconds(30) });

        Assert.Equal(["Gdelt:Interval: must be between 00:01:00 and 1.00:00:00"], result.Failures);
    }

    [Fact]
    public void A_base_url_without_its_trailing_slash_still_names_the_folder()
    {
        Assert.Equal("http://127.0.0.1:8080/gdeltv2/lastupdate.txt", new Uri(new GdeltOptions { BaseUrl = "http://127.0.0.1:8080/gdeltv2" }.FolderUri(), "lastupdate.txt").AbsoluteUri);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(GdeltOptions options) =>
        new SectionOptionsValidator<GdeltOptions>(GdeltOptions.SectionName).Validate(null, options);
}
