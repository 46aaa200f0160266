using BorderAlertBot.Domain;
using BorderAlertBot.Serialization;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Store.Postgres.Tests;

/// <summary>The change feed on PostgreSQL stays in commit order when many instances write at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresChangeFeedOrderTests(PostgresFixture fixture)
{
    [SkippableFact]
    public async Task A_reader_never_sees_a_smaller_sequence_appear_after_a_larger_one_while_many_writers_commit_at_once()
    {
        // Arrange: eight writers, each its own instance (its own pool), and a reader that follows the feed from a cursor.
        var connectionString = await fixture.NewDatabaseAsync();
        var writers = Enumerable.Range(0, 8).Select(_ => fixture.Open(fixture.Database(connectionString))).ToList();
        var reader = fixture.Open(fixture.Database(connectionString));
        await reader.Feed.GetHeadAsync(CancellationToken.None); // Migrated before the writers race.
        const int WritesEach = 40;
        using var done = new CancellationTokenSource();

        // Act: the reader keeps reading after its position; anything below it that turns up later was skipped.
        var seen = new List<long>();
        var reading = Task.Run(async () =>
        {
            var position = 0L;
            while (true)
            {
                var finished = done.IsCancellationRequested;
                var changes = await reader.Feed.ReadAsync(position, 1_000, CancellationToken.None);
                seen.AddRange(changes.Select(change => change.Sequence));
                position = changes.Count > 0 ? changes[^1].Sequence : position;
                if (finished && changes.Count == 0)
                {
                    return;
                }
            }
        });
        await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                var conflictEvent = new EventBuilder().Build() with { Revision = new RevisionInfo(1, fixture.Time.GetUtcNow(), "curator", ["created"]) };
                await writer.Events.WriteAsync([new EventWrite(conflictEvent, EventDocument.Fingerprint(conflictEvent))], CancellationToken.None);
            }
        })));
        await done.CancelAsync();
        await reading;

        // Assert: the reader saw every write exactly once, in rising order; the sequences it saw are all there are.
        var all = (await reader.Feed.ReadAsync(0, 10_000, CancellationToken.None)).Select(change => change.Sequence).ToList();
        Assert.Equal(writers.Count * WritesEach, all.Count);
        Assert.Equal(all, seen);
    }
}
