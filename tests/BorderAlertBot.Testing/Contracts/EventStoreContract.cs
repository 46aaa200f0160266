using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>What every event store must do (with its queries, change feed and cursors), whatever the database.</summary>
public abstract partial class EventStoreContract : StoreContract
{
    protected static EventWrite First(ConflictEvent conflictEvent) =>
        Write(conflictEvent with { Revision = new RevisionInfo(1, Written, "curator", ["created"]) });

    protected static EventWrite Next(ConflictEvent conflictEvent, int revision, params string[] changes) =>
        Write(conflictEvent with { Revision = new RevisionInfo(revision, Written.AddMinutes(revision), "curator", changes) });

    protected static EventWrite Write(ConflictEvent conflictEvent) => new(conflictEvent, EventDocument.Fingerprint(conflictEvent));

    protected static async Task<ConflictEvent> StoreAsync(StoreUnderTest store, EventBuilder builder)
    {
        var write = First(builder.Build());
        await store.Events.WriteAsync([write], CancellationToken.None);
        return write.Event;
    }

    [SkippableFact]
    public async Task An_event_reads_back_exactly_as_it_was_written()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var written = new EventBuilder()
            .WithExternalIds("acled:MMR22121")
            .WithSubtype(EventSubtype.TerritorySeized)
            .WithFigure(FigureKind.Displaced, 10_000, "Myanmar Now")
            .WithFigure(FigureKind.TradeValueUsdPerYear, 1_800_000_000, "Reuters")
            .WithSeverityOverride(Severity.Critical, "largest crossing")
            .OccurredOn(new DateTimeOffset(2023, 10, 27, 4, 0, 0, TimeSpan.FromHours(6.5)), TimePrecision.Exact)
            .Build();

        // Act
        await store.Events.WriteAsync([First(written)], CancellationToken.None);
        var read = await store.Events.TryGetAsync(written.Id, CancellationToken.None);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(EventDocument.Serialize(First(written).Event), EventDocument.Serialize(read));
        Assert.Equal(new DateTimeOffset(2023, 10, 27, 4, 0, 0, TimeSpan.FromHours(6.5)), read.Occurred.At);
        Assert.Equal(Severity.Critical, read.Severity.Effective);
        Assert.Equal(2, read.Figures.Count);
    }

    [SkippableFact]
    public async Task External_ids_lead_to_the_event_that_first_carried_them()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var first = await StoreAsync(store, new EventBuilder().WithExternalIds("acled:MMR22121", "gdelt:1"));
        var second = await StoreAsync(store, new EventBuilder().WithExternalIds("gdelt:1", "gdelt:2"));

        // Act
        var found = await store.Events.FindByExternalIdsAsync(["acled:MMR22121", "gdelt:1", "gdelt:2", "gdelt:404"], CancellationToken.None);

        // Assert
        Assert.Equal(3, found.Count);
        Assert.Equal(first.Id, found["acled:MMR22121"]);
        Assert.Equal(first.Id, found["gdelt:1"]);
        Assert.Equal(second.Id, found["gdelt:2"]);
        Assert.False(found.ContainsKey("gdelt:404"));
    }

    [SkippableFact]
    public async Task An_unknown_id_reads_as_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.Events.TryGetAsync(Some.EventId(), CancellationToken.None));
        Assert.Null(await store.Events.TryGetRevisionAsync(Some.EventId(), 1, CancellationToken.None));
        Assert.Empty(await store.Events.GetRevisionsAsync(Some.EventId(), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Every_revision_is_kept_and_the_latest_is_current()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var original = await StoreAsync(store, new EventBuilder().WithTitle("Trucks burned at Kyin San Kyawt"));
        var revised = original with { Title = "About 120 trucks burned at Kyin San Kyawt" };

        // Act
        await store.Events.WriteAsync([Next(revised, 2, "title changed")], CancellationToken.None);

        // Assert
        var current = await store.Events.TryGetAsync(original.Id, CancellationToken.None);
        Assert.Equal("About 120 trucks burned at Kyin San Kyawt", current!.Title);
        Assert.Equal(2, current.Revision.Number);
        Assert.Equal(["title changed"], current.Revision.Changes);
        var revisions = await store.Events.GetRevisionsAsync(original.Id, CancellationToken.None);
        Assert.Equal([1, 2], revisions.Select(revision => revision.Revision.Number));
        Assert.Equal("Trucks burned at Kyin San Kyawt", revisions[0].Title);
        var first = await store.Events.TryGetRevisionAsync(original.Id, 1, CancellationToken.None);
        Assert.Equal("Trucks burned at Kyin San Kyawt", first!.Title);
    }

    [SkippableFact]
    public async Task Versions_give_revision_status_and_fingerprint_of_stored_events_only()
    {
        var store = await CreateStoreAsync();
        var stored = await StoreAsync(store, new EventBuilder().WithStatus(EventStatus.Pending));
        var missing = Some.EventId();

        var versions = await store.Events.GetVersionsAsync([stored.Id, missing], CancellationToken.None);

        var version = Assert.Single(versions);
        Assert.Equal(stored.Id, version.Key);
        Assert.Equal(new StoredVersion(1, EventStatus.Pending, EventDocument.Fingerprint(stored)), version.Value);
    }

    [SkippableFact]
    public async Task Creating_an_event_that_exists_fails_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var stored = await StoreAsync(store, new EventBuilder());
        var head = await store.Feed.GetHeadAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.Events.WriteAsync([First(stored with { Title = "Another title" })], CancellationToken.None));

        Assert.Equal(stored.Title, (await store.Events.TryGetAsync(stored.Id, CancellationToken.None))!.Title);
        Assert.Equal(head, await store.Feed.GetHeadAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_revision_that_skips_or_repeats_a_number_fails()
    {
        var store = await CreateStoreAsync();
        var stored = await StoreAsync(store, new EventBuilder());

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.Events.WriteAsync([Next(stored, 3)], CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.Events.WriteAsync([Next(stored, 1)], CancellationToken.None));
        Assert.Equal(1, (await store.Events.TryGetAsync(stored.Id, CancellationToken.None))!.Revision.Number);
    }

    [SkippableFact]
    public async Task A_batch_with_one_bad_write_writes_nothing()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var stored = await StoreAsync(store, new EventBuilder());
        var fresh = new EventBuilder().Build();

        // Act: the fresh event is fine, the stale revision is not.
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.Events.WriteAsync([First(fresh), Next(stored, 5)], CancellationToken.None));

        // Assert
        Assert.Null(await store.Events.TryGetAsync(fresh.Id, CancellationToken.None));
        Assert.Single(await store.Feed.ReadAsync(0, 100, CancellationToken.None));
        Assert.Equal(1, await store.Queries.CountAsync(CancellationToken.None));
    }
}
