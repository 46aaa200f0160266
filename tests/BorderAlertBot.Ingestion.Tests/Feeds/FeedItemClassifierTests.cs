using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Feeds;

namespace BorderAlertBot.Ingestion.Tests.Feeds;

public sealed class FeedItemClassifierTests
{
    private readonly FeedItemClassifier _classifier = new(Gazetteer.Bundled);

    [Theory]
    [InlineData("Fighting breaks out near Laukkai", EventSubtype.ArmedClash)]
    [InlineData("TNLA attacks junta base outside Namhkan", EventSubtype.ArmedClash)]
    [InlineData("Junta air strike hits camp near Laiza", EventSubtype.AirStrike)]
    [InlineData("Drone attack at Kyin San Kyawt gate", EventSubtype.AirStrike)]
    [InlineData("Artillery shelling reported in Kutkai", EventSubtype.Shelling)]
    [InlineData("MNDAA seizes Chinshwehaw", EventSubtype.TerritorySeized)]
    [InlineData("Laukkai command surrenders to MNDAA", EventSubtype.TerritorySeized)]
    [InlineData("Clashes in Muse violate the Haigeng ceasefire", EventSubtype.CeasefireViolation)]
    [InlineData("Ceasefire collapses as fighting resumes around Lashio", EventSubtype.CeasefireBroken)]
    [InlineData("Alliance and junta agree to ceasefire covering Laukkai", EventSubtype.CeasefireAgreed)]
    [InlineData("China calls for an immediate ceasefire at the Myanmar-China border", EventSubtype.CeasefireCalled)]
    [InlineData("Peace talks on Muse to resume in Kunming", EventSubtype.TalksHeld)]
    [InlineData("Over 100 trucks burned at the 105-mile trade zone", EventSubtype.CargoDestroyed)]
    [InlineData("Chinshwehaw border trade reopens after five months", EventSubtype.CrossingReopened)]
    [InlineData("Muse border gate closed as fighting nears", EventSubtype.CrossingClosed)]
    [InlineData("Junta blocks the highway to Muse", EventSubtype.RouteBlocked)]
    [InlineData("New sanctions on Myanmar airlines hit trade via Muse", EventSubtype.SanctionImposed)]
    public void A_headline_naming_a_place_and_a_kind_is_a_candidate_of_that_subtype(string title, EventSubtype subtype)
    {
        var (candidate, skipped) = _classifier.Classify(title, string.Empty);

        Assert.Null(skipped);
        Assert.Equal(subtype, candidate?.Subtype);
    }

    [Fact]
    public void A_place_found_puts_the_candidate_at_the_gazetteers_coordinates_near_the_place()
    {
        var (candidate, _) = _classifier.Classify("Fighting at the Chin Shwe Haw crossing", string.Empty);

        Assert.Equal(new Location("MM", "Shan-North", null, "Laukkaing", "Chinshwehaw", new GeoPoint(23.494, 98.844), LocationPrecision.Near), candidate!.Location);
        Assert.Null(candidate.Border); // Measured by the border enrichment on import.
    }

    [Fact]
    public void A_border_mention_without_a_known_place_gives_the_border_pair_and_no_location()
    {
        var (candidate, _) = _classifier.Classify("Heavy fighting along the China–Myanmar border", "Residents fled into Yunnan.");

        Assert.Null(candidate!.Location);
        Assert.Equal(new BorderPosition(BorderPair.Parse("CN-MM"), null), candidate.Border);
    }

    [Fact]
    public void The_title_is_read_before_the_description()
    {
        var (candidate, _) = _classifier.Classify("Talks on Laukkai in Kunming", "Fighting continued in Muse and Lashio.");

        Assert.Equal((EventSubtype.TalksHeld, "Laukkai"), (candidate!.Subtype, candidate.Location!.Place));
    }

    [Theory]
    [InlineData("Fighting rages in Sagaing region", "", "names no place in scope")]
    [InlineData("Poets muse on the mountains", "Then a muse of fire.", "names no place in scope")]
    [InlineData("Border trade through Muse rose 5 % in September", "", "names no kind of event")]
    [InlineData("Laiza hosts a football tournament", "", "names no kind of event")]
    public void An_item_without_a_place_in_scope_or_a_kind_is_skipped_with_the_reason(string title, string description, string reason)
    {
        var (candidate, skipped) = _classifier.Classify(title, description);

        Assert.Null(candidate);
        Assert.Equal(reason, skipped);
    }

    [Fact]
    public void Known_groups_become_actors_with_short_names_in_the_order_they_are_named()
    {
        var (candidate, _) = _classifier.Classify("Junta and TNLA fight near Namhkan", "The Ta'ang National Liberation Army and the KIA said the aa plans nothing.");

        Assert.Equal(["Tatmadaw", "TNLA", "KIA"], candidate!.Actors.Select(actor => actor.ShortName));
    }
}
