using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Benchmarks;

/// <summary>
/// Generates subscriptions as channels set them up: kinds and subtypes, regions typed the way people type them (a
/// gazetteer place, a place with a radius such as <c>laiza~25km</c>, <c>CN-MM</c>, <c>MM</c>, <c>CN</c>), minimum
/// severities, and now and then keywords or actors. Regions go through <see cref="RegionParser"/>, as a command's would.
/// Deterministic for a seed.
/// </summary>
public sealed class SubscriptionGenerator
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private static readonly DateTimeOffset CreatedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int[] Radii = [2, 5, 15, 25, 50];
    private static readonly string[] Keywords = ["air strike", "seized", "crossing", "Laiza", "Muse", "trucks", "drone", "talks"];
    private static readonly string[] ActorNames = ["MNDAA", "TNLA", "KIA", "Tatmadaw", "AA", "UWSA", "PDF", "China"];
    private static readonly EventKind[] Kinds = Enum.GetValues<EventKind>();

    // Countries and borders where no generated event ever is: the generated events are all in MM or CN and on CN-MM.
    private static readonly string[] ElsewhereRegions =
    [
        "TH", "LA", "IN", "BD", "VN", "KH", "NP", "UA", "SD", "SY", "YE", "ML", "CD", "ET", "SO", "AF", "PK", "CO", "MX", "HT",
        "MM-TH", "IN-MM", "BD-MM", "LA-MM", "CN-LA", "CN-VN", "CN-IN", "LA-TH", "KH-TH", "IN-PK", "AF-PK", "RU-UA", "SD-SS",
    ];

    private readonly Random _random;
    private readonly Gazetteer _gazetteer;
    private readonly string[] _slugs;

    public SubscriptionGenerator(Gazetteer gazetteer, int seed)
    {
        _random = new Random(seed);
        _gazetteer = gazetteer;
        _slugs = [.. gazetteer.Entries.Select(entry => entry.Slug)];
    }

    /// <summary>A subscription a channel watching this border might have.</summary>
    public Subscription Next()
    {
        var kinds = PickKinds();
        var regions = new List<Region>();
        var regionCount = _random.Next(100) switch
        {
            < 3 => 0,
            < 85 => 1,
            _ => 2,
        };
        for (var i = 0; i < regionCount; i++)
        {
            regions.Add(Parse(PickRegionText()));
        }

        // A channel that watches a wide area (the whole border, a country, 50 km) usually raises the severity floor.
        var wide = regions.Count == 0 || regions.Any(region => region is Region.Country or Region.Border or Region.Place { RadiusKm: >= 50 });
        var minSeverity = wide && _random.Next(100) < 70 ? (Severity)Math.Max((int)Severity.Significant, (int)PickSeverity()) : PickSeverity();
        return Create(kinds, PickSubtypes(kinds), regions.Distinct().ToList(), minSeverity);
    }

    /// <summary>A subscription a channel watching somewhere else might have: a country or border no generated event is in.</summary>
    public Subscription NextElsewhere()
    {
        var kinds = PickKinds();
        var regions = new List<Region> { Parse(ElsewhereRegions[_random.Next(ElsewhereRegions.Length)]) };
        if (_random.Next(100) < 15)
        {
            regions.Add(Parse(ElsewhereRegions[_random.Next(ElsewhereRegions.Length)]));
        }

        return Create(kinds, PickSubtypes(kinds), regions.Distinct().ToList());
    }

    public Subscription Create(IReadOnlyList<EventKind> kinds, IReadOnlyList<EventSubtype> subtypes, IReadOnlyList<Region> regions, Severity? minSeverity = null, TargetKind target = TargetKind.DiscordChannel, TimeSpan? groupWindow = null)
    {
        var filter = new SubscriptionFilter(
            kinds,
            subtypes,
            regions,
            minSeverity ?? PickSeverity(),
            VerifiedOnly: _random.Next(100) < 95,
            _random.Next(100) < 7 ? PickSome(Keywords) : [],
            _random.Next(100) < 7 ? PickSome(ActorNames) : []);
        var address = target == TargetKind.Console ? "bench-" + NextId() : (1_100_000_000_000_000_000L + _random.NextInt64(100_000_000_000_000_000L)).ToString(CultureInfo.InvariantCulture);
        return new Subscription(SubscriptionId.Parse("sub_" + NextId()), new DeliveryTarget(target, address), filter, groupWindow ?? PickGroupWindow(),
            UpdateMode.Edit, Mention: null, QuietHours: null, MutedUntil: null, Paused: null, CreatedAt, "benchmark");
    }

    public Region Parse(string text) =>
        RegionParser.TryParse(text, _gazetteer, out var region, out var error) ? region : throw new InvalidOperationException(error);

    // A place by itself 50 %, a place with a radius 30 %, the border 10 %, Myanmar 7 %, China 3 %.
    private string PickRegionText()
    {
        var roll = _random.Next(100);
        var slug = _slugs[_random.Next(_slugs.Length)];
        return roll switch
        {
            < 50 => slug,
            < 80 => string.Create(CultureInfo.InvariantCulture, $"{slug}~{Radii[_random.Next(Radii.Length)]}km"),
            < 90 => "CN-MM",
            < 97 => "MM",
            _ => "CN",
        };
    }

    // Any kind 40 %, one kind 50 %, two kinds 10 %.
    private List<EventKind> PickKinds()
    {
        var roll = _random.Next(100);
        if (roll < 40)
        {
            return [];
        }

        var first = Kinds[_random.Next(Kinds.Length)];
        return roll < 90 ? [first] : [first, Kinds[((int)first + 1 + _random.Next(Kinds.Length - 1)) % Kinds.Length]];
    }

    // A third of the subscriptions that name kinds narrow them to one or two subtypes.
    private List<EventSubtype> PickSubtypes(List<EventKind> kinds)
    {
        if (kinds.Count == 0 || _random.Next(3) != 0)
        {
            return [];
        }

        var choices = kinds.SelectMany(EventSubtypeExtensions.SubtypesOf).ToList();
        var subtypes = new List<EventSubtype> { choices[_random.Next(choices.Count)] };
        if (_random.Next(3) == 0)
        {
            subtypes.Add(choices[_random.Next(choices.Count)]);
        }

        return [.. subtypes.Distinct()];
    }

    private Severity PickSeverity() => _random.Next(100) switch
    {
        < 30 => Severity.Low,
        < 55 => Severity.Moderate,
        < 80 => Severity.Significant,
        < 95 => Severity.High,
        _ => Severity.Critical,
    };

    private TimeSpan PickGroupWindow() => _random.Next(100) switch
    {
        < 60 => TimeSpan.Zero,
        < 90 => TimeSpan.FromMinutes(1),
        _ => TimeSpan.FromMinutes(10),
    };

    private List<string> PickSome(string[] pool)
    {
        var first = pool[_random.Next(pool.Length)];
        return _random.Next(3) == 0 ? [.. new[] { first, pool[_random.Next(pool.Length)] }.Distinct()] : [first];
    }

    private string NextId()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = IdAlphabet[_random.Next(IdAlphabet.Length)];
        }

        return new string(chars);
    }
}
