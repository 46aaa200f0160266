using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task The_change_feed_lists_every_write_in_commit_order_with_rising_sequences()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var a = new EventBuilder().Build();
        var b = new EventBuilder().WithStatus(EventStatus.Pending).Build();

        // Act
        await store.Events.WriteAsync([First(a), First(b)], CancellationToken.None);
        await store.Events.WriteAsync([Next(b with { Status = EventStatus.Verified }, 2, "status Pending → Verified")], CancellationToken.None);

        // Assert
        var changes = await store.Feed.ReadAsync(0, 100, CancellationToken.None);
        Assert.Equal([(a.Id, 1, ChangeKind.Created), (b.Id, 1, ChangeKind.Created), (b.Id, 2, ChangeKind.Revised)],
            changes.Select(change => (change.EventId, change.Revision, change.Kind)));
        Assert.Equal(EventStatus.Verified, changes[2].Status);
        Assert.True(changes[0].Sequence < changes[1].Sequence && changes[1].Sequence < changes[2].Sequence);
        Assert.Equal(changes[2].Sequence, await store.Feed.GetHeadAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_reader_resumes_after_its_cursor_and_reads_in_pages()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var events = Enumerable.Range(0, 5).Select(_ => new EventBuilder().Build()).ToList();
        await store.Events.WriteAsync(events.Select(First).ToList(), CancellationToken.None);

        // Act
        var firstPage = await store.Feed.ReadAsync(0, 2, CancellationToken.None);
        await store.Cursors.SetAsync("reader", firstPage[^1].Sequence, CancellationToken.None);
        var resumedAt = await store.Cursors.GetAsync("reader", CancellationToken.None);
        var rest = await store.Feed.ReadAsync(resumedAt, 100, CancellationToken.None);

        // Assert
        Assert.Equal(events.Take(2).Select(e => e.Id), firstPage.Select(change => change.EventId));
        Assert.Equal(events.Skip(2).Select(e => e.Id), rest.Select(change => change.EventId));
        Assert.Empty(await store.Feed.ReadAsync(rest[^1].Sequence, 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_empty_feed_has_head_zero_and_an_unknown_cursor_starts_at_zero()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(0, await store.Feed.GetHeadAsync(CancellationToken.None));
        Assert.Equal(0, await store.Cursors.GetAsync(Some.String("cursor"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_cursor_keeps_the_latest_position_per_reader()
    {
        var store = await CreateStoreAsync();

        await store.Cursors.SetAsync("console", 4, CancellationToken.None);
        await store.Cursors.SetAsync("console", 9, CancellationToken.None);
        await store.Cursors.SetAsync("digest", 2, CancellationToken.None);

        Assert.Equal(9, await store.Cursors.GetAsync("console", CancellationToken.None));
        Assert.Equal(2, await store.Cursors.GetAsync("digest", CancellationToken.None));
    }
}
