using BorderAlertBot.Crossings;
using BorderAlertBot.Geography;
using BorderAlertBot.Ingestion.Tests.Infrastructure;

namespace BorderAlertBot.Ingestion.Tests;

/// <summary>The crossings board over the bundled scenario, imported step by step into a real SQLite file.</summary>
public sealed class CrossingsBoardSampleTests : IDisposable
{
    private readonly SqliteImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task As_of_1_November_2023_Chinshwehaw_is_closed_since_27_October_and_the_retracted_Muse_closure_counts_for_nothing()
    {
        // Arrange
        var board = await ImportBothStepsAsync();

        // Act
        var states = await board.GetAsync(null, new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        // Assert: the only crossing with a verified trade disruption by then is Chinshwehaw, closed on day one of
        // Operation 1027; the claim that Muse's routes closed the same day was retracted in the second step.
        var first = states[0];
        Assert.Equal(("chinshwehaw", CrossingStatus.Closed), (first.Crossing.Slug, first.Status));
        Assert.Equal(new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), first.Since);
        Assert.Equal("evt_chinshwehaw_crossing_closed_2023", first.SetBy?.Id.Value);
        Assert.All(states.Skip(1), state => Assert.Equal(CrossingStatus.Unknown, state.Status));
    }

    [Fact]
    public async Task As_of_12_March_2024_Chinshwehaw_is_open_again_and_the_Muse_gates_are_restricted_by_the_burned_trucks()
    {
        // Arrange
        var board = await ImportBothStepsAsync();

        // Act
        var states = await board.GetAsync(null, new DateTimeOffset(2024, 3, 12, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        // Assert: the trucks burned at Kyin San Kyawt on 23 November lie within 10 km of Muse and the 105-mile zone too.
        Assert.Equal(
            [
                ("105-mile", CrossingStatus.Restricted), ("kyin-san-kyawt", CrossingStatus.Restricted), ("muse", CrossingStatus.Restricted),
                ("chinshwehaw", CrossingStatus.Open), ("monekoe", CrossingStatus.Unknown), ("pang-hseng", CrossingStatus.Unknown),
            ],
            states.Select(state => (state.Crossing.Slug, state.Status)));
        var chinshwehaw = states.Single(state => state.Crossing.Slug == "chinshwehaw");
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), chinshwehaw.Since);
        Assert.Equal("evt_chinshwehaw_trade_reopened_2024", chinshwehaw.SetBy?.Id.Value);
    }

    private async Task<CrossingsBoard> ImportBothStepsAsync()
    {
        foreach (var step in SampleScenario.Steps)
        {
            Assert.Equal(0, (await _harness.ImportAsync(SampleScenario.Read(step))).Rejected);
        }

        return new CrossingsBoard(_harness.Queries, Gazetteer.Bundled, new BorderLocator(Gazetteer.Bundled, BorderLines.Bundled, new GeographyOptions()));
    }
}
