using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Discord.Tests.Rendering;

public sealed class DiscordAlertLimitsTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("*_@<")]
    [InlineData("🛂")]
    public void Three_of_the_largest_alerts_stay_within_every_limit(string unit)
    {
        // Arrange
        var message = new AlertMessage(
        [
            new AlertEntry(Huge(unit, "evt_huge_1"), AlertKind.New, [Long(unit, 2_000)]),
            new AlertEntry(Huge(unit, "evt_huge_2"), AlertKind.Updated, [Long(unit, 2_000), Long(unit, 2_000)]),
            new AlertEntry(Huge(unit, "evt_huge_3") with { Status = EventStatus.Retracted, StatusReason = Long(unit, 5_000) }, AlertKind.Retracted, []),
        ], "&123456789012345678");

        // Act
        var payload = DiscordAlertRenderer.Render(message);

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(payload));
        Assert.All(payload.Embeds!, embed => Assert.InRange(DiscordLimits.Length(embed), 1, DiscordAlertRenderer.EmbedBudget));
        Assert.Equal(3, payload.Embeds!.Count);
    }

    [Fact]
    public void A_long_summary_is_cut_before_the_notes_and_the_retraction_reason()
    {
        // Arrange
        var conflictEvent = new EventBuilder().WithSummary(Long("A", 10_000)).WithStatus(EventStatus.Retracted, "Duplicate").Build();
        var message = new AlertMessage([new AlertEntry(conflictEvent, AlertKind.Retracted, ["possible ceasefire violation"])], null);

        // Act
        var embed = Assert.Single(DiscordAlertRenderer.Render(message).Embeds!);

        // Assert
        Assert.Contains("Retracted: Duplicate", embed.Description);
        Assert.EndsWith("…\n⚠ possible ceasefire violation", embed.Description);
    }

    [Fact]
    public void Fifty_sources_are_listed_as_far_as_they_fit_and_the_rest_counted()
    {
        // Arrange
        var sources = Enumerable.Range(1, 50).Select(i => new Source($"Outlet {i}", new Uri($"https://outlet{i}.example/report/{i}"), null)).ToArray();
        var conflictEvent = new EventBuilder().WithSources(sources).Build();

        // Act
        var embed = Assert.Single(DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.New, [])], null)).Embeds!);

        // Assert
        var field = embed.Fields!.Single(field => field.Name == "Sources (50 reports · 50 sources)");
        Assert.StartsWith("[Outlet 1](https://outlet1.example/report/1)\n", field.Value);
        Assert.Matches(@"\n… and \d+ more$", field.Value);
        Assert.InRange(DiscordLimits.Length(field.Value), 1, DiscordLimits.FieldValueLength);
    }

    [Fact]
    public void More_entries_than_the_dispatcher_sends_still_fit_one_message()
    {
        // Arrange
        var entries = Enumerable.Range(1, 10).Select(i => new AlertEntry(Huge("A", $"evt_many_{i}"), AlertKind.New, [])).ToList();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage(entries, null));

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(payload));
        Assert.Equal(11, payload.Components!.Sum(row => row.Components.Count));
    }

    private static ConflictEvent Huge(string unit, string id)
    {
        var builder = new EventBuilder()
            .WithId(id)
            .WithTitle(Long(unit, 10_000))
            .WithSummary(Long(unit, 10_000))
            .AtPlace(Long(unit, 3_000), Long(unit, 3_000))
            .WithActors([.. Enumerable.Range(1, 40).Select(i => new Actor(Long(unit, 500), Long(unit, 300)))])
            .WithSources([.. Enumerable.Range(1, 50).Select(i => new Source(Long(unit, 400), new Uri($"https://outlet{i}.example/{new string('p', 300)}"), null))])
            .WithSeverityOverride(Severity.Critical, Long(unit, 3_000))
            .WithRevision(new RevisionInfo(12, DateTimeOffset.UnixEpoch, "curator", [.. Enumerable.Range(1, 30).Select(_ => Long(unit, 300))]));
        for (var i = 0; i < 30; i++)
        {
            builder.WithFigure(FigureKind.Fatalities, long.MaxValue, Long(unit, 500));
        }

        return builder.Build();
    }

    private static string Long(string unit, int codePoints) => string.Concat(Enumerable.Repeat(unit, codePoints / unit.EnumerateRunes().Count()));
}
