using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Matching;

/// <summary>
/// Random subscriptions and events drawn from the bundled gazetteer and the real CN-MM line, for comparing the index with
/// a brute-force scan. The seed fixes every draw, so a failure reproduces.
/// </summary>
public sealed class RandomWorld(int seed)
{
    private static readonly string[] Countries = ["MM", "MM", "MM", "CN", "TH"];
    private static readonly string[] Borders = ["CN-MM", "CN-MM", "MM-TH", "CN-LA"];
    private static readonly double[] Radii = [Region.DefaultPlaceRadiusKm, 2, 25, 60, 150];
    // The same word in other cases, and a word that is also an actor filter: the index numbers words once per meaning.
    private static readonly string[] Words = ["clash", "Muse", "trade", "ceasefire", "Lashio", "shelling", "Shan-North", "gate", "MUSE", "muse", "Tatmadaw", "kia"];
    private static readonly string[] Townships = ["Muse", "Laukkaing", "Lashio", "Hopang", "Mongla", "Waingmaw", "Kutkai", "Namhkan", "Yangon"];

    private static readonly Actor[] ActorPool =
    [
        new("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA"),
        new("KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "KIA"),
        new("PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", "TNLA"),
        new("Military Forces of Myanmar (2021-)", "Tatmadaw"),
        new("Protesters (Myanmar)", "Protesters"),
    ];

    private static readonly string[] ActorFilters = ["MNDAA", "kia", "KIA", "Ta'ang National", "Tatmadaw", "Arakan Army", "Military Forces", "muse"];

    private static readonly BorderLocator Locator = new(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions());

    private readonly Random _random = new(seed);

    public Subscription NextSubscription()
    {
        var builder = new SubscriptionBuilder()
            .WithKinds(Some(Enum.GetValues<EventKind>(), 0.4))
            .WithSubtypes(_random.NextDouble() < 0.7 ? [] : Some(Enum.GetValues<EventSubtype>(), 0.15))
            .WithRegions(_random.NextDouble() < 0.25 ? [] : [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => NextRegion())])
            .WithMinSeverity(Pick([Severity.Low, Severity.Low, Severity.Moderate, Severity.Significant, Severity.High, Severity.Critical]))
            .VerifiedOnly(_random.NextDouble() < 0.7)
            .WithKeywords(_random.NextDouble() < 0.75 ? [] : [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(Words))])
            .WithActors(_random.NextDouble() < 0.8 ? [] : [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(ActorFilters))]);
        return (_random.NextDouble() < 0.1 ? builder.PausedBecause("channel deleted") : builder).Build();
    }

    public ConflictEvent NextEvent()
    {
        var subtype = Pick(Enum.GetValues<EventSubtype>());
        var location = NextLocation();
        var builder = new EventBuilder()
            .WithSubtype(subtype)
            .WithTitle($"{subtype} {Pick(Words)}")
            .WithSummary(_random.NextDouble() < 0.5 ? "Fighting was reported near the town." : $"Reports of {Pick(Words)} near {Pick(Townships)}.")
            .At(location)
            .OnBorder(_random.NextDouble() < 0.1 ? Pick(Borders) : null)
            .WithActors([.. ActorPool.Where(_ => _random.NextDouble() < 0.3)])
            .WithStatus(Pick(Enum.GetValues<EventStatus>()));
        if (_random.NextDouble() < 0.2)
        {
            builder.WithSeverityOverride(Pick(Enum.GetValues<Severity>()), "Curator's call.");
        }

        return Locator.Enrich(builder.Build());
    }

    private Region NextRegion() => _random.Next(4) switch
    {
        0 => new Region.Country(Pick(Countries)),
        1 => new Region.Border(BorderPair.Parse(Pick(Borders))),
        _ => new Region.Place(Pick(Gazetteer.Bundled.Entries), Pick(Radii)),
    };

    private Location? NextLocation()
    {
        var entry = Pick(Gazetteer.Bundled.Entries);
        return _random.Next(7) switch
        {
            // Precise, up to about 30 km from a place, in Myanmar or (over the line) China.
            0 or 1 or 2 => new Location(
                Pick(Countries), entry.Admin1, null, Pick([entry.Admin3, null]), Pick([entry.Name, null, "Somewhere"]),
                new GeoPoint(entry.Point.Latitude + Jitter(0.3), entry.Point.Longitude + Jitter(0.3)),
                Pick([LocationPrecision.Exact, LocationPrecision.Near])),

            // Known to the township, perhaps with a township centroid that must not count as a place.
            3 or 4 => new Location(
                "MM", "Shan-North", null, Pick(Townships), Pick<string?>([null, null, entry.Name, Pick(entry.Aliases.Append(entry.Slug).ToArray())]),
                _random.NextDouble() < 0.3 ? entry.Point : null, LocationPrecision.Township),

            // Only the state, sometimes with a place name a mapper kept.
            5 => new Location("MM", "Kachin", null, null, Pick<string?>([null, entry.Name]), null, LocationPrecision.Region),

            // The country, at GDELT's centroid, or nowhere at all.
            _ => _random.NextDouble() < 0.5 ? new Location("MM", null, null, null, null, new GeoPoint(22.0, 98.0), LocationPrecision.Country) : null,
        };
    }

    private T[] Some<T>(T[] values, double probability) => [.. values.Where(_ => _random.NextDouble() < probability)];

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private double Jitter(double max) => ((_random.NextDouble() * 2) - 1) * max;
}
