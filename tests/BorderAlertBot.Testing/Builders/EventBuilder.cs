using BorderAlertBot.Domain;
using BorderAlertBot.Scoring;

namespace BorderAlertBot.Testing.Builders;

/// <summary>A valid verified border clash at Laukkai by default; each With… changes one thing.</summary>
public sealed class EventBuilder
{
    private EventId _id = Some.EventId();
    private IReadOnlyList<string> _externalIds = [];
    private EventSubtype _subtype = EventSubtype.ArmedClash;
    private string _title = Some.String("Clash near Laukkai");
    private string _summary = "Fighting was reported near the town.";
    private Occurrence _occurred = new(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), TimePrecision.Day);
    private Location? _location = new("MM", "Shan-North", "Kokang Self-Administered Zone", "Laukkaing", "Laukkai", new GeoPoint(23.6916, 98.7641), LocationPrecision.Exact);
    private BorderPosition? _border = new(BorderPair.Parse("CN-MM"), null);
    private List<Actor> _actors = [new("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA")];
    private List<Figure> _figures = [];
    private List<Source> _sources = [new("The Irrawaddy", Some.Url(), null)];
    private EventStatus _status = EventStatus.Verified;
    private string? _statusReason;
    private SeverityOverride? _override;
    private RevisionInfo _revision = RevisionInfo.Unsaved;

    public EventBuilder WithId(EventId id) => Set(() => _id = id);

    public EventBuilder WithId(string id) => Set(() => _id = EventId.Parse(id));

    public EventBuilder WithExternalIds(params string[] ids) => Set(() => _externalIds = ids);

    public EventBuilder WithSubtype(EventSubtype subtype) => Set(() => _subtype = subtype);

    public EventBuilder WithTitle(string title) => Set(() => _title = title);

    public EventBuilder WithSummary(string summary) => Set(() => _summary = summary);

    public EventBuilder OccurredOn(DateTimeOffset at, TimePrecision precision = TimePrecision.Day) => Set(() => _occurred = new Occurrence(at, precision));

    public EventBuilder OccurredOn(int year, int month, int day) => OccurredOn(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    public EventBuilder At(Location? location) => Set(() => _location = location);

    public EventBuilder AtPlace(string place, string admin1 = "Shan-North", string country = "MM") =>
        At(new Location(country, admin1, null, null, place, new GeoPoint(23.9933, 97.9103), LocationPrecision.Exact));

    public EventBuilder OnBorder(string? pair) => Set(() => _border = pair is null ? null : new BorderPosition(BorderPair.Parse(pair), null));

    public EventBuilder WithActors(params Actor[] actors) => Set(() => _actors = [.. actors]);

    public EventBuilder WithFigure(FigureKind kind, long value, string reportedBy = "UN OCHA") => Set(() => _figures.Add(new Figure(kind, value, reportedBy)));

    public EventBuilder WithSources(params Source[] sources) => Set(() => _sources = [.. sources]);

    public EventBuilder WithStatus(EventStatus status, string? reason = null) => Set(() =>
    {
        _status = status;
        _statusReason = reason ?? (status.NeedsReason() ? "Not corroborated." : null);
    });

    public EventBuilder WithSeverityOverride(Severity severity, string reason) => Set(() => _override = new SeverityOverride(severity, reason));

    public EventBuilder WithRevision(RevisionInfo revision) => Set(() => _revision = revision);

    public ConflictEvent Build()
    {
        var severity = SeverityRules.Assess(new SeverityInput(_subtype.Kind(), _subtype, _figures), _override);
        return new ConflictEvent(_id, _externalIds, _subtype.Kind(), _subtype, _title, _summary, _occurred, _location, _border,
            [.. _actors], [.. _figures], [.. _sources], _status, _statusReason, severity, _revision);
    }

    private EventBuilder Set(Action change)
    {
        change();
        return this;
    }
}
