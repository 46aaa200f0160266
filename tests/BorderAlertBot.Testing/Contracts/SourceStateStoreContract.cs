using BorderAlertBot.Abstractions;
using BorderAlertBot.Sources;

namespace BorderAlertBot.Testing.Contracts;

/// <summary>What every store of source state must do, whatever the database.</summary>
public abstract class SourceStateStoreContract : StoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private async Task<ISourceStateStore> CreateSourceStateStoreAsync() => (await CreateStoreAsync()).Sources;

    [SkippableFact]
    public async Task A_source_never_polled_has_no_state()
    {
        var store = await CreateSourceStateStoreAsync();

        Assert.Null(await store.TryGetAsync("gdelt", CancellationToken.None));
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_saved_state_reads_back_whole_and_a_second_save_replaces_it()
    {
        // Arrange
        var store = await CreateSourceStateStoreAsync();
        var failing = new SourceState("rss:irrawaddy", "{\"etag\":\"W/\\\"1\\\"\"}", Noon, Noon.AddMinutes(5), "HTTP 503 ServiceUnavailable", 3, 41, Noon.AddMinutes(9), null);
        var disabled = failing with { ConsecutiveFailures = 10, NextPollAt = null, DisabledReason = "disabled after 10 failed polls in a row" };

        // Act
        await store.SaveAsync(failing, CancellationToken.None);
        var first = await store.TryGetAsync("rss:irrawaddy", CancellationToken.None);
        await store.SaveAsync(disabled, CancellationToken.None);
        var second = await store.TryGetAsync("rss:irrawaddy", CancellationToken.None);

        // Assert
        Assert.Equal(failing, first);
        Assert.Equal(disabled, second);
        Assert.Single(await store.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Every_source_is_listed_by_name()
    {
        var store = await CreateSourceStateStoreAsync();
        await store.SaveAsync(SourceState.New("rss:mizzima"), CancellationToken.None);
        await store.SaveAsync(SourceState.New("acled"), CancellationToken.None);
        await store.SaveAsync(SourceState.New("gdelt") with { ItemsSeen = 1_100 }, CancellationToken.None);

        var names = (await store.ListAsync(CancellationToken.None)).Select(state => state.Name);

        Assert.Equal(["acled", "gdelt", "rss:mizzima"], names);
    }
}
