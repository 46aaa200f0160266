using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Testing.Files;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Tests.Support;

/// <summary>The whole bot in memory on a real SQLite file, with the console sender writing to <see cref="Console"/>.</summary>
public sealed class BotFactory(string databasePath) : WebApplicationFactory<Program>
{
    public RecordingTextWriter Console { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Settings for this bot; the sample's updates follow its alerts at once instead of after 5 s.</summary>
    public Dictionary<string, string?> Settings { get; } = new() { ["Sample:UpdatesAfter"] = "00:00:00" };

    /// <summary>Replaces services after the bot's own (a decorator, a stand-in).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Waits until the watcher has read the whole feed and nothing is left unsent.</summary>
    public async Task WaitUntilDeliveredAsync(TimeSpan timeout)
    {
        var signal = Services.GetRequiredService<OutboxSignal>();
        var cursors = Services.GetRequiredService<ICursorStore>();
        var feed = Services.GetRequiredService<IChangeFeed>();
        var outbox = Services.GetRequiredService<IOutboxStore>();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var seen = signal.Version;
            if (await cursors.GetAsync(AlertWatcher.CursorName, deadline.Token) >= await feed.GetHeadAsync(deadline.Token)
                && (await outbox.CountAsync(deadline.Token)).Pending == 0)
            {
                return;
            }

            await signal.WaitAsync(seen, timeout, deadline.Token);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:Path", databasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new ConsoleAlertSender(Console));
            services.AddSingleton<TimeProvider>(Time);
            ConfigureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Console.Dispose();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>A temp folder holding the database of one test.</summary>
public sealed class BotData : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string DatabasePath => _directory.File("data/borderalertbot.db");

    public string Folder => _directory.Path;

    public string Write(string name, string content) => _directory.Write(name, content);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
