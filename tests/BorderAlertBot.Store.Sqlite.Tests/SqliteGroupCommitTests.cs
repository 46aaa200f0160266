using Microsoft.Data.Sqlite;

namespace BorderAlertBot.Store.Sqlite.Tests;

/// <summary>Writes from many callers share transactions (<see cref="SqliteWriteQueue"/>) without sharing each other's failures.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Many_concurrent_writers_each_get_their_own_result_and_everything_is_committed()
    {
        // Arrange
        var database = await NotesDatabaseAsync();

        // Act: 200 writers at once, so most of them queue behind a leader and share its transactions.
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => InsertAsync(database, $"note {i}"))));

        // Assert
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"note {i}"), results);
        Assert.Equal(200L, await CountAsync(database));
    }

    [Fact]
    public async Task A_write_that_fails_is_undone_alone_and_only_its_caller_sees_the_error()
    {
        // Arrange
        var database = await NotesDatabaseAsync();
        var blocker = new TaskCompletionSource();
        var leader = database.WriteAsync(async (connection, transaction) =>
        {
            await blocker.Task; // Holds the leader, so the writes below queue up and go in one transaction.
            await ExecuteAsync(connection, transaction, "INSERT INTO notes (text) VALUES ('first');");
        }, CancellationToken.None);
        var before = InsertAsync(database, "before");
        var failing = database.WriteAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO notes (text) VALUES ('half-written');");
            await ExecuteAsync(connection, transaction, "INSERT INTO no_such_table (text) VALUES ('boom');");
        }, CancellationToken.None);
        var after = InsertAsync(database, "after");

        // Act
        blocker.SetResult();

        // Assert
        await leader;
        Assert.Equal("before", await before);
        Assert.Equal("after", await after);
        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Equal(["after", "before", "first"], await TextsAsync(database));
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_its_turn_is_not_written()
    {
        // Arrange
        var database = await NotesDatabaseAsync();
        var blocker = new TaskCompletionSource();
        var leader = database.WriteAsync((_, _) => blocker.Task, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var waiting = InsertAsync(database, "never", cancellation.Token);

        // Act
        await cancellation.CancelAsync();
        blocker.SetResult();

        // Assert
        await leader;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Empty(await TextsAsync(database));
    }

    [Fact]
    public async Task What_a_write_wrote_is_visible_to_readers_when_its_await_returns()
    {
        var database = await NotesDatabaseAsync();

        for (var i = 0; i < 20; i++)
        {
            await InsertAsync(database, $"note {i}");
            Assert.Equal(i + 1L, await CountAsync(database));
        }
    }

    private async Task<SqliteDatabase> NotesDatabaseAsync()
    {
        var database = _fixture.Database(_fixture.NewPath());
        await database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"), CancellationToken.None);
        return database;
    }

    private static Task<string> InsertAsync(SqliteDatabase database, string text, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO notes (text) VALUES ($text) RETURNING text;";
            command.Parameters.AddWithValue("$text", text);
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM notes;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> TextsAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM notes ORDER BY text;";
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
