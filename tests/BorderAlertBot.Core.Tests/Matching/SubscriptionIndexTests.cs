using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Matching;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Matching;

public sealed class SubscriptionIndexTests
{
    private static readonly Location Laukkai = new("MM", "Shan-North", null, "Laukkaing", "Laukkai", new GeoPoint(23.6916, 98.7641), LocationPrecision.Exact);
    private static readonly Location Lashio = new("MM", "Shan-North", null, "Lashio", "Lashio", new GeoPoint(22.9359, 97.7498), LocationPrecision.Exact);

    [Theory]
    [InlineData(20240101)]
    [InlineData(7)]
    [InlineData(1_000_003)]
    public void The_index_matches_exactly_what_a_scan_of_every_filter_matches(int seed)
    {
        // Arrange
        var world = new RandomWorld(seed);
        var subscriptions = Enumerable.Range(0, 400).Select(_ => world.NextSubscription()).ToList();
        var events = Enumerable.Range(0, 1_000).Select(_ => world.NextEvent()).ToList();
        var index = SubscriptionIndex.Build(subscriptions);
        var matchedBy = new Dictionary<Type, int>();

        foreach (var e in events)
        {
            // Act
            var matched = index.Match(e);
            var candidates = index.Candidates(e).Select(subscription => subscription.Id).ToHashSet();

            // Assert
            var expected = subscriptions.Where(subscription => subscription.Filter.Matches(e)).ToList();
            Assert.Equal(Ids(expected), Ids(matched));
            Assert.Equal(matched.Count, matched.Distinct().Count());
            Assert.All(expected, subscription => Assert.Contains(subscription.Id, candidates));
            Assert.Equal(candidates.Count, index.Candidates(e).Count);

            // Only keywords and actors are left for a candidate to fail: the work per event is the matches, not the subscriptions.
            var failedCandidates = index.Candidates(e).Except(matched).ToList();
            Assert.All(failedCandidates, candidate => Assert.False(candidate.Filter.MatchesText(e)));
            foreach (var region in expected.SelectMany(subscription => subscription.Filter.Regions).Where(region => region.Contains(e)))
            {
                matchedBy[region.GetType()] = matchedBy.GetValueOrDefault(region.GetType()) + 1;
            }
        }

        // The draw must exercise every kind of region, or the comparison proves little.
        Assert.All([typeof(Region.Country), typeof(Region.Border), typeof(Region.Place)], type => Assert.True(matchedBy.GetValueOrDefault(type) > 20, $"{type.Name}: {matchedBy.GetValueOrDefault(type)}"));
    }

    [Fact]
    public void Subscriptions_whose_kind_or_region_cannot_fit_are_not_even_candidates()
    {
        // Arrange
        var tradeAtLashio = Enumerable.Range(0, 1_000).Select(_ => new SubscriptionBuilder().WithKinds(EventKind.TradeDisruption).WithRegions("lashio").Build());
        var clashAtLashio = Enumerable.Range(0, 1_000).Select(_ => new SubscriptionBuilder().WithKinds(EventKind.BorderClash).WithRegions("lashio").Build());
        var tradeAtLaukkai = Enumerable.Range(0, 1_000).Select(_ => new SubscriptionBuilder().WithKinds(EventKind.TradeDisruption).WithRegions("laukkai~25km").Build());
        var clashAtLaukkai = new SubscriptionBuilder().WithKinds(EventKind.BorderClash).WithRegions("laukkai").Build();
        var clashOnTheBorder = new SubscriptionBuilder().WithKinds(EventKind.BorderClash).WithRegions("CN-MM").Build();
        var everything = new SubscriptionBuilder().Build();
        var index = SubscriptionIndex.Build([.. tradeAtLashio, .. clashAtLashio, .. tradeAtLaukkai, clashAtLaukkai, clashOnTheBorder, everything]);
        var clash = new EventBuilder().WithSubtype(EventSubtype.Shelling).At(Laukkai).OnBorder("CN-MM").Build();

        // Act
        var candidates = index.Candidates(clash).ToList();

        // Assert
        Assert.Equal(3_003, index.Count);
        Assert.Equal(Ids([clashAtLaukkai, clashOnTheBorder, everything]), Ids(candidates));
        Assert.Equal(Ids([clashAtLaukkai, clashOnTheBorder, everything]), Ids(index.Match(clash)));
    }

    [Fact]
    public void Subscriptions_below_their_severity_floor_of_another_subtype_verified_only_or_outside_their_radius_are_not_candidates()
    {
        // Arrange
        var clash = new EventBuilder().WithSubtype(EventSubtype.Shelling).WithStatus(EventStatus.Pending).At(Laukkai).OnBorder("CN-MM").Build();
        var airStrikesOnly = new SubscriptionBuilder().WithSubtypes(EventSubtype.AirStrike).WithRegions("laukkai").VerifiedOnly(false).Build();
        var criticalOnly = new SubscriptionBuilder().WithRegions("CN-MM").WithMinSeverity(Severity.Critical).VerifiedOnly(false).Build();
        var verifiedOnly = new SubscriptionBuilder().WithRegions("MM").VerifiedOnly(true).Build();
        var twoKmFromChinshwehaw = new SubscriptionBuilder().WithRegions("chinshwehaw~2km").VerifiedOnly(false).Build();
        var shelling = new SubscriptionBuilder().WithSubtypes(EventSubtype.Shelling).WithRegions("laukkai~25km").VerifiedOnly(false).Build();
        var withKeyword = new SubscriptionBuilder().WithRegions("MM").WithKeywords("drone").VerifiedOnly(false).Build();
        var index = SubscriptionIndex.Build([airStrikesOnly, criticalOnly, verifiedOnly, twoKmFromChinshwehaw, shelling, withKeyword]);

        // Act
        var candidates = index.Candidates(clash);

        // Assert
        Assert.Equal(Ids([shelling, withKeyword]), Ids(candidates));
        Assert.Equal(Ids([shelling]), Ids(index.Match(clash)));
    }

    [Fact]
    public void A_rejected_event_has_no_candidates()
    {
        var everything = new SubscriptionBuilder().VerifiedOnly(false).Build();
        var index = SubscriptionIndex.Build([everything]);

        Assert.Empty(index.Candidates(new EventBuilder().At(Laukkai).WithStatus(EventStatus.Rejected).Build()));
    }

    [Fact]
    public void An_event_known_only_to_its_township_reaches_a_subscription_to_the_place_of_that_name()
    {
        // Arrange
        var muse = new SubscriptionBuilder().WithRegions("muse").Build();
        var laukkai = new SubscriptionBuilder().WithRegions("laukkai~150km").Build();
        var index = SubscriptionIndex.Build([muse, laukkai]);
        var e = new EventBuilder().At(new Location("MM", "Shan-North", "Muse", "Muse", null, null, LocationPrecision.Township)).Build();

        // Act
        var matched = index.Match(e);

        // Assert
        Assert.Contains(muse, index.Candidates(e));
        Assert.Equal(Ids([muse]), Ids(matched));
    }

    [Fact]
    public void A_township_centroid_is_not_a_precise_point_but_its_name_still_counts()
    {
        var muse = new SubscriptionBuilder().WithRegions("muse~2km").Build();
        var index = SubscriptionIndex.Build([muse]);
        var atCentroidOfNamhkan = new EventBuilder().At(new Location("MM", "Shan-North", null, "Namhkan", null, new GeoPoint(23.9933, 97.9103), LocationPrecision.Township)).Build();
        var atCentroidOfMuse = new EventBuilder().At(new Location("MM", "Shan-North", null, "Mu Se", null, new GeoPoint(23.8334, 97.6798), LocationPrecision.Township)).Build();

        Assert.Empty(index.Match(atCentroidOfNamhkan));
        Assert.Equal(Ids([muse]), Ids(index.Match(atCentroidOfMuse)));
    }

    [Fact]
    public void Paused_subscriptions_still_match_because_holding_is_deliverys_business()
    {
        var paused = new SubscriptionBuilder().WithRegions("laukkai").PausedBecause("webhook deleted").Build();
        var index = SubscriptionIndex.Build([paused]);

        Assert.Equal(Ids([paused]), Ids(index.Match(new EventBuilder().At(Laukkai).Build())));
    }

    [Fact]
    public void A_subscription_with_several_fitting_regions_matches_once()
    {
        var subscription = new SubscriptionBuilder().WithKinds(EventKind.BorderClash, EventKind.TradeDisruption).WithRegions("MM", "CN-MM", "laukkai", "chinshwehaw~50km").Build();
        var index = SubscriptionIndex.Build([subscription]);
        var e = new EventBuilder().At(Laukkai).OnBorder("CN-MM").Build();

        Assert.Single(index.Candidates(e));
        Assert.Single(index.Match(e));
    }

    [Fact]
    public void A_place_subscription_matches_only_within_its_own_radius_whatever_radius_others_ask_for()
    {
        // A wide subscription elsewhere widens the search around every event; each subscription's own radius still decides.
        var lashio = new SubscriptionBuilder().WithRegions("lashio~2km").Build();
        var wide = new SubscriptionBuilder().WithRegions("laiza~200km").Build();
        var index = SubscriptionIndex.Build([lashio, wide]);
        var fiveKmFromLashio = new EventBuilder().At(Lashio with { Point = new GeoPoint(22.9809, 97.7498) }).OnBorder(null).Build();

        Assert.DoesNotContain(lashio, index.Match(fiveKmFromLashio));
        Assert.Contains(lashio, index.Match(new EventBuilder().At(Lashio).OnBorder(null).Build()));
    }

    [Theory]
    [InlineData("MM", "mm")]
    [InlineData("mm", "MM")]
    [InlineData("Mm", "mM")]
    public void A_country_code_matches_in_any_case_as_the_region_itself_does(string subscribed, string located)
    {
        var subscription = new SubscriptionBuilder().WithRegions(new Region.Country(subscribed)).Build();
        var index = SubscriptionIndex.Build([subscription]);
        var e = new EventBuilder().At(Lashio with { CountryCode = located }).OnBorder(null).Build();

        Assert.True(subscription.Filter.Matches(e));
        Assert.Equal(Ids([subscription]), Ids(index.Match(e)));
    }

    [Fact]
    public void No_subscriptions_match_nothing()
    {
        var index = SubscriptionIndex.Build([]);

        Assert.Empty(index.Match(new EventBuilder().Build()));
        Assert.Equal(0, index.Count);
    }

    private static List<string> Ids(IEnumerable<Subscription> subscriptions) =>
        [.. subscriptions.Select(subscription => subscription.Id.Value).Order(StringComparer.Ordinal)];
}
