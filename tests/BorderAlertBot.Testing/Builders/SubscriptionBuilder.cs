using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Testing.Builders;

/// <summary>
/// A valid subscription by default: the console, every event (verified only), no group window, updates by edit, no mention,
/// quiet hours, mute or pause. Each With… changes one thing.
/// </summary>
public sealed class SubscriptionBuilder
{
    private SubscriptionId _id = SubscriptionId.New();
    private DeliveryTarget _target = DeliveryTarget.Console();
    private IReadOnlyList<EventKind> _kinds = [];
    private IReadOnlyList<EventSubtype> _subtypes = [];
    private IReadOnlyList<Region> _regions = [];
    private Severity _minSeverity = Severity.Low;
    private bool _verifiedOnly = true;
    private IReadOnlyList<string> _keywords = [];
    private IReadOnlyList<string> _actors = [];
    private TimeSpan _groupWindow = TimeSpan.Zero;
    private UpdateMode _updates = UpdateMode.Edit;
    private MentionRule? _mention;
    private QuietHours? _quietHours;
    private DateTimeOffset? _mutedUntil;
    private PauseState? _paused;
    private DateTimeOffset _createdAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private string _createdBy = "test";

    public SubscriptionBuilder WithId(SubscriptionId id) => Set(() => _id = id);

    public SubscriptionBuilder To(DeliveryTarget target) => Set(() => _target = target);

    public SubscriptionBuilder WithKinds(params EventKind[] kinds) => Set(() => _kinds = kinds);

    public SubscriptionBuilder WithSubtypes(params EventSubtype[] subtypes) => Set(() => _subtypes = subtypes);

    public SubscriptionBuilder WithRegions(params Region[] regions) => Set(() => _regions = regions);

    /// <summary>Regions as people type them (<c>MM</c>, <c>CN-MM</c>, <c>muse</c>, <c>laiza~25km</c>), read with the bundled gazetteer.</summary>
    public SubscriptionBuilder WithRegions(params string[] regions) => WithRegions([.. regions.Select(ParseRegion)]);

    public SubscriptionBuilder WithMinSeverity(Severity severity) => Set(() => _minSeverity = severity);

    public SubscriptionBuilder VerifiedOnly(bool verifiedOnly) => Set(() => _verifiedOnly = verifiedOnly);

    public SubscriptionBuilder WithKeywords(params string[] keywords) => Set(() => _keywords = keywords);

    public SubscriptionBuilder WithActors(params string[] actors) => Set(() => _actors = actors);

    public SubscriptionBuilder WithFilter(SubscriptionFilter filter) => Set(() =>
    {
        (_kinds, _subtypes, _regions, _minSeverity) = (filter.Kinds, filter.Subtypes, filter.Regions, filter.MinSeverity);
        (_verifiedOnly, _keywords, _actors) = (filter.VerifiedOnly, filter.Keywords, filter.Actors);
    });

    public SubscriptionBuilder WithGroupWindow(TimeSpan window) => Set(() => _groupWindow = window);

    public SubscriptionBuilder WithUpdates(UpdateMode updates) => Set(() => _updates = updates);

    public SubscriptionBuilder Mentioning(string mention, Severity atOrAbove) => Set(() => _mention = new MentionRule(mention, atOrAbove));

    public SubscriptionBuilder WithQuietHours(TimeOnly start, TimeOnly end, string timeZoneId) =>
        Set(() => _quietHours = new QuietHours(start, end, timeZoneId));

    public SubscriptionBuilder MutedUntil(DateTimeOffset? until) => Set(() => _mutedUntil = until);

    public SubscriptionBuilder PausedBecause(string reason, DateTimeOffset? since = null) =>
        Set(() => _paused = new PauseState(reason, since ?? _createdAt));

    public SubscriptionBuilder CreatedBy(string who, DateTimeOffset? at = null) => Set(() =>
    {
        _createdBy = who;
        _createdAt = at ?? _createdAt;
    });

    public Subscription Build() =>
        new(_id, _target, new SubscriptionFilter(_kinds, _subtypes, _regions, _minSeverity, _verifiedOnly, _keywords, _actors),
            _groupWindow, _updates, _mention, _quietHours, _mutedUntil, _paused, _createdAt, _createdBy);

    private static Region ParseRegion(string text) =>
        RegionParser.TryParse(text, Gazetteer.Bundled, out var region, out var error)
            ? region
            : throw new ArgumentException(error, nameof(text));

    private SubscriptionBuilder Set(Action change)
    {
        change();
        return this;
    }
}
