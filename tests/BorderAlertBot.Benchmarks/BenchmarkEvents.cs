using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Benchmarks;

/// <summary>
/// A verified event built the way the test suite's EventBuilder builds one: severity from the documented rules, a first
/// revision, everything else as set. Only what the benchmarks vary is settable.
/// </summary>
public sealed class BenchmarkEventBuilder(EventId id)
{
    private static readonly DateTimeOffset Epoch = new(2021, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public EventSubtype Subtype { get; set; } = EventSubtype.ArmedClash;

    public string Title { get; set; } = "Clash near Laukkai";

    public string Summary { get; set; } = "Fighting was reported near the town.";

    public DateTimeOffset Occurred { get; set; } = Epoch;

    public Location? Location { get; set; }

    public IReadOnlyList<Actor> Actors { get; set; } = [];

    public List<Figure> Figures { get; } = [];

    public IReadOnlyList<Source> Sources { get; set; } = [];

    public EventStatus Status { get; set; } = EventStatus.Verified;

    public ConflictEvent Build()
    {
        var kind = Subtype.Kind();
        var severity = SeverityRules.Assess(new SeverityInput(kind, Subtype, Figures), curatorOverride: null);
        return new ConflictEvent(id, [], kind, Subtype, Title, Summary, new Occurrence(Occurred, TimePrecision.Day), Location, Border: null,
            Actors, [.. Figures], Sources, Status, StatusReason: null, severity, new RevisionInfo(1, Occurred.AddHours(6), "benchmark", ["created"]));
    }
}

/// <summary>
/// Generates border events the way ACLED and curators report them: around the bundled gazetteer's places (jittered, mostly
/// with precise coordinates, some known only to the township or the state, a few on the Chinese side), with a realistic
/// mix of kinds and subtypes, figures, actors and sources, then placed on the border by the <see cref="BorderLocator"/>.
/// Deterministic for a seed.
/// </summary>
public sealed class EventGenerator
{
    private static readonly DateTimeOffset Start = new(2021, 2, 1, 0, 0, 0, TimeSpan.Zero);

    // Subtype weights, roughly ACLED's Shan-North/Kachin mix for 2023–24 plus the trade and ceasefire events curators add.
    private static readonly (EventSubtype Subtype, int Weight, string Words)[] Subtypes =
    [
        (EventSubtype.ArmedClash, 30, "Armed clash"), (EventSubtype.AirStrike, 12, "Air strike"), (EventSubtype.Shelling, 10, "Shelling"),
        (EventSubtype.TerritorySeized, 5, "Town seized"), (EventSubtype.CeasefireViolation, 3, "Ceasefire violation"),
        (EventSubtype.CeasefireCalled, 6, "Ceasefire call"), (EventSubtype.TalksHeld, 5, "Talks held"), (EventSubtype.CeasefireAgreed, 2, "Ceasefire agreed"),
        (EventSubtype.CeasefireBroken, 2, "Ceasefire broken"), (EventSubtype.CrossingClosed, 8, "Crossing closed"), (EventSubtype.CrossingReopened, 5, "Crossing reopened"),
        (EventSubtype.RouteBlocked, 6, "Trade route blocked"), (EventSubtype.CargoDestroyed, 3, "Cargo trucks burned"), (EventSubtype.SanctionImposed, 3, "Border trade restricted"),
    ];

    private static readonly Actor Tatmadaw = new("Military Forces of Myanmar (2021-)", "Tatmadaw");
    private static readonly Actor China = new("Government of China (1949-)", "China");

    private static readonly Actor[] ArmedGroups =
    [
        new("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA"),
        new("PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", "TNLA"),
        new("KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "KIA"),
        new("ULA/AA: United League of Arakan/Arakan Army", "AA"),
        new("NUG/PDF: National Unity Government/People's Defence Force", "PDF"),
        new("UWSP/UWSA: United Wa State Party/United Wa State Army", "UWSA"),
    ];

    private static readonly Source[] Outlets =
    [
        new("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/burma"), null),
        new("Myanmar Now", new Uri("https://myanmar-now.org/en/news"), null),
        new("Reuters", new Uri("https://www.reuters.com/world/asia-pacific"), null),
        new("Global Times", new Uri("https://www.globaltimes.cn/page/china"), null),
        new("Kachin News Group", new Uri("https://kachinnews.com/news"), null),
        new("Shan Herald", new Uri("https://english.shannews.org/news"), null),
    ];

    // Towns on the Chinese side, opposite gazetteer places (Ruili–Muse, Nansan–Laukkai, Qingshuihe, Wanding, Zhangfeng).
    private static readonly (string Place, double Lat, double Lon)[] ChineseTowns =
    [
        ("Ruili", 24.0124, 97.8513), ("Nansan", 23.7785, 98.8336), ("Wanding", 24.0834, 98.0659), ("Zhangfeng", 24.3887, 97.7806),
    ];

    private readonly Random _random;
    private readonly BorderLocator _locator;
    private readonly GazetteerEntry[] _places;
    private readonly int _subtypeWeightTotal = Subtypes.Sum(subtype => subtype.Weight);
    private readonly Dictionary<(EventSubtype, string), (string Title, string Summary)> _texts = [];
    private long _next;

    public EventGenerator(Gazetteer gazetteer, BorderLocator locator, int seed, string idPrefix = "evt_bench_")
    {
        _random = new Random(seed);
        _locator = locator;
        _places = [.. gazetteer.Entries];
        IdPrefix = idPrefix;
    }

    public string IdPrefix { get; }

    public GazetteerEntry[] Places => _places;

    /// <summary>The next <paramref name="count"/> events.</summary>
    public ConflictEvent[] Next(int count)
    {
        var events = new ConflictEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Next();
        }

        return events;
    }

    public ConflictEvent Next()
    {
        var subtype = PickSubtype();
        var entry = _places[_random.Next(_places.Length)];
        return Build(subtype, entry, PickLocation(entry));
    }

    /// <summary>An event of <paramref name="subtype"/> within <paramref name="jitterKm"/> of <paramref name="entry"/>, precisely located and verified.</summary>
    public ConflictEvent NextAt(GazetteerEntry entry, EventSubtype subtype, double jitterKm)
    {
        var point = Jitter(entry.Point, _random.NextDouble() * jitterKm);
        return Build(subtype, entry, new Location(entry.CountryCode, entry.Admin1, null, entry.Admin3, entry.Name, point, LocationPrecision.Exact), EventStatus.Verified);
    }

    private ConflictEvent Build(EventSubtype subtype, GazetteerEntry entry, Location location, EventStatus? status = null)
    {
        var number = _next++;
        var place = location.Place ?? location.Admin3 ?? location.Admin1 ?? entry.Name;
        var (title, summary) = TextsFor(subtype, place);
        var builder = new BenchmarkEventBuilder(EventId.Parse(IdPrefix + number.ToString(CultureInfo.InvariantCulture)))
        {
            Subtype = subtype,
            Title = title,
            Summary = summary,
            Occurred = Start.AddMinutes(number * 3 % (3 * 365 * 24 * 60)),
            Location = location,
            Actors = PickActors(subtype.Kind()),
            Sources = PickSources(),
            Status = status ?? (_random.Next(100) < 94 ? EventStatus.Verified : EventStatus.Pending),
        };
        AddFigures(builder, subtype.Kind());
        return _locator.Enrich(builder.Build());
    }

    private EventSubtype PickSubtype()
    {
        var pick = _random.Next(_subtypeWeightTotal);
        foreach (var (subtype, weight, _) in Subtypes)
        {
            if ((pick -= weight) < 0)
            {
                return subtype;
            }
        }

        return EventSubtype.ArmedClash;
    }

    // 80 % precise (exact or near, jittered around the place), 12 % township only, 4 % state only, 4 % on the Chinese side.
    private Location PickLocation(GazetteerEntry entry)
    {
        var roll = _random.Next(100);
        if (roll < 80)
        {
            // Most events are a few kilometres from the named place; a long tail reaches 40 km.
            var distance = Math.Min(40, -6 * Math.Log(1 - _random.NextDouble()));
            var precision = roll < 55 ? LocationPrecision.Exact : LocationPrecision.Near;
            return new Location(entry.CountryCode, entry.Admin1, null, entry.Admin3, entry.Name, Jitter(entry.Point, distance), precision);
        }

        if (roll < 92)
        {
            return new Location(entry.CountryCode, entry.Admin1, null, entry.Admin3, null, null, LocationPrecision.Township);
        }

        if (roll < 96)
        {
            return new Location(entry.CountryCode, entry.Admin1, null, null, null, null, LocationPrecision.Region);
        }

        var (town, lat, lon) = ChineseTowns[_random.Next(ChineseTowns.Length)];
        return new Location("CN", "Yunnan", null, null, town, Jitter(new GeoPoint(lat, lon), _random.NextDouble() * 5), LocationPrecision.Exact);
    }

    private GeoPoint Jitter(GeoPoint point, double distanceKm)
    {
        var bearing = _random.NextDouble() * 2 * Math.PI;
        var lat = point.Latitude + (distanceKm * Math.Cos(bearing) / 111.2);
        var lon = point.Longitude + (distanceKm * Math.Sin(bearing) / (111.2 * Math.Cos(point.Latitude * Math.PI / 180)));
        return new GeoPoint(lat, lon);
    }

    private IReadOnlyList<Actor> PickActors(EventKind kind) => kind switch
    {
        EventKind.BorderClash => [Tatmadaw, ArmedGroups[_random.Next(ArmedGroups.Length)]],
        EventKind.CeasefireCall => [China, Tatmadaw, ArmedGroups[_random.Next(ArmedGroups.Length)]],
        _ => _random.Next(2) == 0 ? [ArmedGroups[_random.Next(ArmedGroups.Length)]] : [Tatmadaw],
    };

    private Source[] PickSources()
    {
        var count = 1 + _random.Next(3);
        var first = _random.Next(Outlets.Length);
        var sources = new Source[count];
        for (var i = 0; i < count; i++)
        {
            sources[i] = Outlets[(first + i) % Outlets.Length];
        }

        return sources;
    }

    private void AddFigures(BenchmarkEventBuilder builder, EventKind kind)
    {
        if (kind == EventKind.BorderClash && _random.Next(100) < 60)
        {
            builder.Figures.Add(new Figure(FigureKind.Fatalities, (long)Math.Floor(-4 * Math.Log(1 - _random.NextDouble())), "Local media"));
        }

        if (kind == EventKind.BorderClash && _random.Next(100) < 15)
        {
            builder.Figures.Add(new Figure(FigureKind.Displaced, 100 + _random.Next(60_000), "UN OCHA"));
        }

        if (kind == EventKind.TradeDisruption && _random.Next(100) < 40)
        {
            builder.Figures.Add(new Figure(FigureKind.TradeValueUsdPerYear, 1_000_000L * (1 + _random.Next(2_000)), "Ministry of Commerce"));
        }

        if (kind == EventKind.TradeDisruption && _random.Next(100) < 20)
        {
            builder.Figures.Add(new Figure(FigureKind.Trucks, 5 + _random.Next(300), "Local traders"));
        }
    }

    private (string Title, string Summary) TextsFor(EventSubtype subtype, string place)
    {
        if (!_texts.TryGetValue((subtype, place), out var texts))
        {
            var words = Array.Find(Subtypes, candidate => candidate.Subtype == subtype).Words;
            texts = ($"{words} near {place}",
                $"Local media reported: {words.ToLowerInvariant()} near {place}, with residents describing the damage; figures are as first reported.");
            _texts[(subtype, place)] = texts;
        }

        return texts;
    }
}
