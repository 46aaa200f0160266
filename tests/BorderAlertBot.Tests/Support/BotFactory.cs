using BorderAlertBot.Alerting;
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

    public Dictionary<string, string?> Settings { get; } = [];

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
