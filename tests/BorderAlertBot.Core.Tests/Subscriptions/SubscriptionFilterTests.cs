using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Subscriptions;

public sealed class SubscriptionFilterTests
{
    // The events by name. The default is the builder's: a verified ArmedClash (Moderate) at Laukkai on CN-MM, titled
    // "Clash near Laukkai-N", summary "Fighting was reported near the town.", by the MNDAA.
    private static readonly Dictionary<string, Location> Places = new(StringComparer.Ordinal)
    {
        ["lashio"] = new("MM", "Shan-North", null, "Lashio", "Lashio", new GeoPoint(22.9359, 97.7498), LocationPrecision.Exact),
        ["muse-township"] = new("MM", "Shan-North", null, "Muse", null, null, LocationPrecision.Township),
        ["16km-north-of-laiza"] = new("MM", "Kachin", null, "Waingmaw", null, new GeoPoint(24.90, 97.55), LocationPrecision.Exact),
    };

    // Filter: "kinds=…;subtypes=…;regions=…;min=…;verified=…;keywords=…;actors=…", lists split by commas, anything left out
    // is the builder's default. Event: "at=…;status=…;subtype=…;severity=…". The last column is how the exclusion starts,
    // or null when the event passes.
    [Theory]
    [InlineData("", "", null)]
    [InlineData("kinds=BorderClash", "", null)]
    [InlineData("kinds=CeasefireCall,BorderClash", "", null)]
    [InlineData("kinds=TradeDisruption", "", "kind:")]
    [InlineData("subtypes=ArmedClash", "", null)]
    [InlineData("subtypes=AirStrike,Shelling", "", "subtype:")]
    [InlineData("subtypes=AirStrike,Shelling", "subtype=Shelling", null)]
    [InlineData("regions=MM", "", null)]
    [InlineData("regions=CN", "", "region:")]
    [InlineData("regions=MM", "at=lashio", null)]
    [InlineData("regions=CN-MM", "", null)]
    [InlineData("regions=CN-MM", "at=lashio", "region:")]
    [InlineData("regions=MM-TH", "", "region:")]
    [InlineData("regions=muse", "", "region:")]
    [InlineData("regions=muse", "at=muse-township", null)]
    [InlineData("regions=laukkai", "", null)]
    [InlineData("regions=laiza~25km", "", "region:")]
    [InlineData("regions=laiza~25km", "at=lashio", "region:")]
    [InlineData("regions=laiza~25km", "at=16km-north-of-laiza", null)]
    [InlineData("regions=laiza", "at=16km-north-of-laiza", "region:")]
    [InlineData("regions=lashio,muse", "at=lashio", null)]
    [InlineData("min=Low", "", null)]
    [InlineData("min=Moderate", "", null)]
    [InlineData("min=Significant", "", "min-severity:")]
    [InlineData("min=Significant", "subtype=AirStrike", null)]
    [InlineData("min=Critical", "severity=High", "min-severity:")]
    [InlineData("min=Critical", "severity=Critical", null)]
    [InlineData("", "status=Pending", "verified-only:")]
    [InlineData("verified=false", "status=Pending", null)]
    [InlineData("", "status=Retracted", null)]
    [InlineData("verified=false", "status=Rejected", "the event was rejected")]
    [InlineData("keywords=clash", "", null)]
    [InlineData("keywords=FIGHTING", "", null)]
    [InlineData("keywords=lashio", "at=lashio", null)]
    [InlineData("keywords=lashio", "", "keywords:")]
    [InlineData("keywords=airstrike,town", "", null)]
    [InlineData("keywords=airstrike,ceasefire", "", "keywords:")]
    [InlineData("actors=MNDAA", "", null)]
    [InlineData("actors=mndaa", "", null)]
    [InlineData("actors=Democratic Alliance Army", "", null)]
    [InlineData("actors=KIA,TNLA", "", "actors:")]
    [InlineData("kinds=BorderClash;subtypes=ArmedClash;regions=CN-MM;min=Moderate;keywords=clash;actors=MNDAA", "", null)]
    [InlineData("kinds=TradeDisruption;regions=lashio;min=Critical", "", "kind:")]
    [InlineData("kinds=BorderClash;regions=lashio;min=Critical", "", "region:")]
    [InlineData("regions=CN-MM;min=High;keywords=ceasefire", "", "min-severity:")]
    [InlineData("regions=muse;keywords=Muse;actors=KIA", "at=muse-township", "actors:")]
    [InlineData("kinds=TradeDisruption", "status=Pending", "verified-only:")]
    [InlineData("kinds=BorderClash;regions=MM;min=High;verified=false", "status=Pending;subtype=TerritorySeized", null)]
    public void An_event_is_excluded_by_the_first_filter_it_fails(string filter, string conflictEvent, string? excludedBy)
    {
        // Arrange
        var subscription = Subscription(filter);
        var e = Event(conflictEvent);

        // Act
        var exclusion = subscription.Filter.Exclusion(e);
        var matches = subscription.Filter.Matches(e);

        // Assert
        Assert.Equal(excludedBy is null, matches);
        if (excludedBy is null)
        {
            Assert.Null(exclusion);
        }
        else
        {
            Assert.NotNull(exclusion);
            Assert.StartsWith(excludedBy, exclusion, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("kinds=TradeDisruption,CeasefireCall", "", "kind: BorderClash is not one of TradeDisruption, CeasefireCall")]
    [InlineData("subtypes=AirStrike", "", "subtype: ArmedClash is not one of AirStrike")]
    [InlineData("regions=muse,laiza~25km", "at=lashio", "region: Lashio, Shan-North, MM is outside muse, laiza~25km")]
    [InlineData("min=High", "", "min-severity: Moderate (2) is below High (4)")]
    [InlineData("", "status=Pending", "verified-only: the event is Pending")]
    [InlineData("keywords=airstrike", "", "keywords: none of airstrike appears in the title, summary or place")]
    [InlineData("actors=KIA", "", "actors: none of KIA is involved")]
    public void An_exclusion_says_what_the_event_was_and_what_the_filter_wanted(string filter, string conflictEvent, string expected)
    {
        var exclusion = Subscription(filter).Filter.Exclusion(Event(conflictEvent));

        Assert.Equal(expected, exclusion);
    }

    [Fact]
    public void Everything_passes_any_verified_event_and_nothing_pending()
    {
        var verified = new EventBuilder().At(null).OnBorder(null).Build();
        var pending = new EventBuilder().WithStatus(EventStatus.Pending).Build();

        Assert.True(SubscriptionFilter.Everything.Matches(verified));
        Assert.False(SubscriptionFilter.Everything.Matches(pending));
    }

    [Fact]
    public void An_event_without_a_location_fails_a_place_or_country_filter_but_may_pass_a_border_one()
    {
        var e = new EventBuilder().At(null).OnBorder("CN-MM").Build();

        Assert.StartsWith("region: no location", Subscription("regions=muse,MM").Filter.Exclusion(e), StringComparison.Ordinal);
        Assert.True(Subscription("regions=CN-MM").Filter.Matches(e));
    }

    private static Subscription Subscription(string spec)
    {
        var builder = new SubscriptionBuilder();
        foreach (var (key, values) in Pairs(spec))
        {
            _ = key switch
            {
                "kinds" => builder.WithKinds([.. values.Select(Enum.Parse<EventKind>)]),
                "subtypes" => builder.WithSubtypes([.. values.Select(Enum.Parse<EventSubtype>)]),
                "regions" => builder.WithRegions(values),
                "min" => builder.WithMinSeverity(Enum.Parse<Severity>(values[0])),
                "verified" => builder.VerifiedOnly(bool.Parse(values[0])),
                "keywords" => builder.WithKeywords(values),
                "actors" => builder.WithActors(values),
                _ => throw new ArgumentException($"Unknown filter key '{key}'.", nameof(spec)),
            };
        }

        return builder.Build();
    }

    private static ConflictEvent Event(string spec)
    {
        var builder = new EventBuilder();
        foreach (var (key, values) in Pairs(spec))
        {
            _ = key switch
            {
                "at" => builder.At(Places[values[0]]).OnBorder(values[0] == "lashio" ? null : "CN-MM"),
                "status" => builder.WithStatus(Enum.Parse<EventStatus>(values[0])),
                "subtype" => builder.WithSubtype(Enum.Parse<EventSubtype>(values[0])),
                "severity" => builder.WithSeverityOverride(Enum.Parse<Severity>(values[0]), "Curator's call."),
                _ => throw new ArgumentException($"Unknown event key '{key}'.", nameof(spec)),
            };
        }

        return builder.Build();
    }

    private static IEnumerable<(string Key, string[] Values)> Pairs(string spec) =>
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (parts[0].ToLower(CultureInfo.InvariantCulture), parts[1].Split(',')));
}
