using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Testing.Contracts;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task Stream_reads_every_event_that_passes_the_filter_oldest_first()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var january = await StoreAsync(store, new EventBuilder().OccurredOn(2024, 1, 5));
        var october = await StoreAsync(store, new EventBuilder().OccurredOn(2023, 10, 27));
        await StoreAsync(store, new EventBuilder().OccurredOn(2023, 11, 23).WithStatus(EventStatus.Pending));
        await StoreAsync(store, new EventBuilder().OccurredOn(2024, 2, 1));
        var filter = new EventFilter { Statuses = [EventStatus.Verified], To = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero) };

        // Act
        var streamed = new List<EventId>();
        await foreach (var conflictEvent in store.Queries.StreamAsync(filter, CancellationToken.None))
        {
            streamed.Add(conflictEvent.Id);
        }

        // Assert
        Assert.Equal([october.Id, january.Id], streamed);
    }
}
