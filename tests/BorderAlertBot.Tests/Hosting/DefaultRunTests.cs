using System.Net;
using System.Net.Http.Json;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Hosting;

public sealed class DefaultRunTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Healthz_says_the_bot_is_alive()
    {
        await using var bot = new BotFactory(_data.DatabasePath);
        using var client = bot.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<HealthBody>())!.Status);
    }

    [Fact]
    public async Task The_default_run_loads_the_sample_scenario_and_prints_its_alerts_like_chat_messages()
    {
        // Arrange
        await using var bot = new BotFactory(_data.DatabasePath);
        var verifiedAtFirst = SampleScenario.Read(SampleScenario.Steps[0])
            .Select(record => record.Event!)
            .Where(conflictEvent => conflictEvent.Status == EventStatus.Verified)
            .ToList();

        // Act: starting the host loads the sample into the empty store; the console subscription prints it.
        bot.StartServer();
        await bot.Console.WaitForAsync(text => text.Contains("evt_mndaa_positions_claim_2023 · revision 2", StringComparison.Ordinal), Patience);
        await bot.WaitUntilDeliveredAsync(Patience);

        // Assert
        var output = bot.Console.Text;
        Assert.All(verifiedAtFirst, conflictEvent => Assert.Contains($"{conflictEvent.Id} · revision 1 · Verified", output, StringComparison.Ordinal));
        Assert.Contains("[CRITICAL 5/5] Border clash · Air strike", output, StringComparison.Ordinal);
        Assert.Contains("29 killed (as reported by Free Burma Rangers)", output, StringComparison.Ordinal);
        Assert.Contains("https://www.nmg-news.net/2023/10/11/26584", output, StringComparison.Ordinal);
        Assert.Contains("Chinshwehaw", output, StringComparison.Ordinal);
        Assert.Contains("UPDATED · Trade disruption · Cargo destroyed", output, StringComparison.Ordinal);
        Assert.Contains("What changed (revision 2): ", output, StringComparison.Ordinal);
        Assert.Contains("RETRACTED · Trade disruption · Crossing closed", output, StringComparison.Ordinal);
        Assert.Contains("Retracted: ", output, StringComparison.Ordinal);

        // The pending claim is alerted once, when the curator verified it, never while pending.
        Assert.DoesNotContain("evt_mndaa_positions_claim_2023 · revision 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_resumes_after_what_was_printed_and_prints_only_new_events()
    {
        // Arrange: a first run prints the whole sample.
        await using (var first = new BotFactory(_data.DatabasePath))
        {
            first.StartServer();
            await first.Console.WaitForAsync(text => text.Contains("evt_mndaa_positions_claim_2023 · revision 2", StringComparison.Ordinal), Patience);
            await first.WaitUntilDeliveredAsync(Patience);
        }

        await using var second = new BotFactory(_data.DatabasePath);
        second.StartServer();
        var fresh = new EventBuilder().WithTitle("Clash reported near Muse after the restart").Build();

        // Act
        var importer = second.Services.GetRequiredService<EventImporter>();
        await importer.ImportAsync(new[] { ImportRecord.Valid(0, 1, 0, fresh, "test") }.ToAsyncEnumerable(), new ImportOptions(false, "test"), CancellationToken.None);
        await second.Console.WaitForAsync(text => text.Contains(fresh.Id.Value, StringComparison.Ordinal), Patience);

        // Assert
        Assert.DoesNotContain("evt_laiza_camp_strike_2023", second.Console.Text, StringComparison.Ordinal);
        Assert.Contains("Clash reported near Muse after the restart", second.Console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_is_not_loaded_when_configured_off()
    {
        await using var bot = new BotFactory(_data.DatabasePath);
        bot.Settings["Sample:LoadIntoEmptyStore"] = "false";

        bot.StartServer();

        var queries = bot.Services.GetRequiredService<Abstractions.IEventQueries>();
        Assert.Equal(0, await queries.CountAsync(CancellationToken.None));
    }

    private sealed record HealthBody(string Status);
}
