using BorderAlertBot.Abstractions;
using BorderAlertBot.Cli;
using BorderAlertBot.Domain;
using BorderAlertBot.Store.Sqlite;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fixtures;
using BorderAlertBot.Tests.Cli;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Hosting;

public sealed class SourcePollingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_feed_configured_in_the_settings_is_polled_by_the_running_bot_and_shows_in_sources_status()
    {
        // Arrange: a feed on a local server, configured as an operator would, and a bot whose clock reads 28 Nov 2026 09:00.
        await using var server = await FixtureHttpServer.StartAsync(_ => FixtureResponse.Text(
            FeedFixtures.Rss(("MNDAA seizes Chinshwehaw", "https://news.example.org/chinshwehaw", new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero))),
            "application/rss+xml"));
        var settings = new Dictionary<string, string?>
        {
            ["Feeds:Configured:0:Name"] = "desk",
            ["Feeds:Configured:0:Url"] = new Uri(server.BaseUrl, "feed.xml").AbsoluteUri,
            ["Sample:LoadIntoEmptyStore"] = "false",
        };
        SignallingSourceStateStore states = null!;
        await using var bot = new BotFactory(_data.DatabasePath);
        foreach (var (key, value) in settings)
        {
            bot.Settings[key] = value;
        }

        bot.ConfigureServices = services => services.AddSingleton<ISourceStateStore>(provider =>
            states = new SignallingSourceStateStore(new SqliteSourceStateStore(provider.GetRequiredService<SqliteDatabase>())));

        // Act: starting the bot starts the polling worker, which polls the new feed at once.
        bot.StartServer();
        var polled = await states.FirstSuccess.WaitAsync(Patience);
        var status = await new CliRunner(_data.DatabasePath, settings).RunAsync("sources", "status");

        // Assert
        var candidate = await bot.Services.GetRequiredService<IEventStore>().TryGetAsync(EventId.Parse(FeedFixtures.EventIdOf("https://news.example.org/chinshwehaw")), CancellationToken.None);
        Assert.Equal((EventSubtype.TerritorySeized, EventStatus.Pending, "rss:desk"), (candidate!.Subtype, candidate.Status, candidate.Revision.By));
        Assert.Equal("CN-MM", candidate.Border?.Pair.ToString());
        Assert.Equal(("rss:desk", 1L), (polled.Name, polled.ItemsSeen));
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains("rss:desk: ok", status.Output, StringComparison.Ordinal);
        Assert.Contains("  last success: 2026-11-28 09:00:00 UTC", status.Output, StringComparison.Ordinal);
        Assert.Contains("  items seen:   1", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_dropped_in_the_configured_folder_is_imported_by_the_running_bot_and_moved_to_processed()
    {
        // Arrange: an ACLED export already in the folder (written long ago, so it is complete).
        var drop = Path.Combine(_data.Folder, "drop");
        Directory.CreateDirectory(drop);
        var file = _data.Write("drop/acled.csv", AcledCsv.Current(new AcledRowBuilder().With("event_id_cnty", "MMR40404")));
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        SignallingSourceStateStore states = null!;
        await using var bot = new BotFactory(_data.DatabasePath);
        bot.Settings["DropFolder:Path"] = drop;
        bot.Settings["Sample:LoadIntoEmptyStore"] = "false";
        bot.ConfigureServices = services => services.AddSingleton<ISourceStateStore>(provider =>
            states = new SignallingSourceStateStore(new SqliteSourceStateStore(provider.GetRequiredService<SqliteDatabase>())));

        // Act: the bot's drop-folder worker takes the lease for the folder and looks at once.
        bot.StartServer();
        var looked = await states.FirstSuccess.WaitAsync(Patience);

        // Assert
        var imported = await bot.Services.GetRequiredService<IEventStore>().TryGetAsync(EventId.Parse("evt_acled_mmr40404"), CancellationToken.None);
        Assert.Equal(("folder", EventStatus.Verified), (looked.Name, imported?.Status));
        Assert.True(File.Exists(Path.Combine(drop, "processed", "acled.csv")));
        Assert.False(File.Exists(file));
    }
}
