using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Discord.Tests.Rendering;

public sealed class DiscordAlertRendererTests
{
    [Fact]
    public void An_alert_embed_shows_each_fact_of_the_event()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithId("evt_laukkai_1")
            .WithSubtype(EventSubtype.AirStrike)
            .WithTitle("Air strike near Laukkai")
            .WithSummary("Jets struck a village.")
            .WithFigure(FigureKind.Fatalities, 12, "UN OCHA")
            .WithActors(new Actor("Military Forces of Myanmar (2021-)", "Tatmadaw"), new Actor("MNDAA long name", "MNDAA"))
            .WithSources(new Source("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/1"), null), new Source("Myanmar Now", new Uri("https://myanmar-now.org/2"), null))
            .WithSeverityOverride(Severity.Critical, "mass casualties")
            .WithRevision(new RevisionInfo(3, new DateTimeOffset(2024, 1, 6, 0, 0, 0, TimeSpan.Zero), "curator", []))
            .Build() with
        { Border = new BorderPosition(BorderPair.Parse("CN-MM"), 2.34) };
        var message = new AlertMessage([new AlertEntry(conflictEvent, AlertKind.New, ["possible ceasefire violation (ceasefire agreed 2024-01-02)"])], null);

        // Act
        var payload = DiscordAlertRenderer.Render(message);

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(payload));
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("Air strike near Laukkai", embed.Title);
        Assert.Null(embed.Url);
        Assert.Equal(0xE74C3C, embed.Color);
        var lines = embed.Description!.Split('\n');
        Assert.Equal("**[CRITICAL 5/5] Border clash · Air strike**", lines[0]);
        Assert.Equal("Laukkai, Laukkaing, Shan\\-North, MM · CN-MM border, 2.3 km · 2024-01-05", lines[1]);
        Assert.Equal("Jets struck a village.", lines[2]);
        Assert.Equal("⚠ possible ceasefire violation \\(ceasefire agreed 2024\\-01\\-02\\)", lines[3]);
        var fields = embed.Fields!;
        Assert.Equal(["Figures", "Actors", "Sources (2 reports · 2 sources)"], fields.Select(field => field.Name));
        Assert.Equal("12 killed \\(as reported by UN OCHA\\)", fields[0].Value);
        Assert.Equal("Tatmadaw, MNDAA", fields[1].Value);
        Assert.Equal("[The Irrawaddy](https://www.irrawaddy.com/news/1)\n[Myanmar Now](https://myanmar-now.org/2)", fields[2].Value);
        Assert.Equal("evt_laukkai_1 · revision 3 · Verified\nSeverity set by curator (mass casualties); rules say " + conflictEvent.Severity.Computed + ".", embed.Footer!.Text);
    }

    [Theory]
    [InlineData(Severity.Critical, 0xE74C3C)]
    [InlineData(Severity.High, 0xE67E22)]
    [InlineData(Severity.Significant, 0xF0A500)]
    [InlineData(Severity.Moderate, 0x3498DB)]
    [InlineData(Severity.Low, 0x95A5A6)]
    public void The_colour_follows_the_severity(Severity severity, int colour)
    {
        // Arrange
        var conflictEvent = new EventBuilder().WithSeverityOverride(severity, "curated").Build();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.New, [])], null));

        // Assert
        Assert.Equal(colour, Assert.Single(payload.Embeds!).Color);
    }

    [Fact]
    public void An_update_says_so_in_the_title_and_says_what_changed()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithTitle("Clash at Kyugok")
            .WithRevision(new RevisionInfo(2, new DateTimeOffset(2024, 1, 6, 0, 0, 0, TimeSpan.Zero), "acled", ["fatalities 3 → 7", "summary"]))
            .Build();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.Updated, [])], null));

        // Assert
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("UPDATED · Clash at Kyugok", embed.Title);
        Assert.EndsWith("What changed (revision 2): fatalities 3 → 7; summary", embed.Description);
        Assert.Contains("revision 2", embed.Footer!.Text);
    }

    [Fact]
    public void A_retraction_says_so_in_the_title_says_why_and_turns_grey()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithTitle("Clash at Kyugok")
            .WithSeverityOverride(Severity.Critical, "curated")
            .WithStatus(EventStatus.Retracted, "Duplicate of evt_other")
            .Build();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.Retracted, [])], null));

        // Assert
        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("RETRACTED · Clash at Kyugok", embed.Title);
        Assert.Contains("\nRetracted: Duplicate of evt\\_other\n", embed.Description);
        Assert.Equal(0x95A5A6, embed.Color);
        Assert.Contains("Retracted", embed.Footer!.Text);
    }

    [Fact]
    public void One_entry_gets_a_why_button_and_a_mute_button()
    {
        // Arrange
        var conflictEvent = new EventBuilder().WithId("evt_one").Build();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.New, [])], null));

        // Assert
        var row = Assert.Single(payload.Components!);
        Assert.Equal([("Why?", "why:evt_one", 2), ("Mute 8h", "mute:8h", 2)], row.Components.Select(button => (button.Label, button.CustomId, button.Style)));
    }

    [Fact]
    public void Several_entries_get_numbered_why_buttons_in_order()
    {
        // Arrange
        var entries = new[] { "evt_a", "evt_b", "evt_c" }
            .Select(id => new AlertEntry(new EventBuilder().WithId(id).Build(), AlertKind.New, []))
            .ToList();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage(entries, null));

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(payload));
        Assert.Equal(3, payload.Embeds!.Count);
        var row = Assert.Single(payload.Components!);
        Assert.Equal(
            [("Why? (1)", "why:evt_a"), ("Why? (2)", "why:evt_b"), ("Why? (3)", "why:evt_c"), ("Mute 8h", "mute:8h")],
            row.Components.Select(button => (button.Label, button.CustomId)));
    }

    [Fact]
    public void In_the_curators_channel_each_pending_entry_gets_approve_and_reject_and_a_decided_one_none()
    {
        // Arrange
        var entries = new[]
        {
            new AlertEntry(new EventBuilder().WithId("evt_a").WithStatus(EventStatus.Pending).Build(), AlertKind.New, []),
            new AlertEntry(new EventBuilder().WithId("evt_b").Build(), AlertKind.Updated, []),
            new AlertEntry(new EventBuilder().WithId("evt_c").WithStatus(EventStatus.Pending).Build(), AlertKind.New, []),
        };

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage(entries, null) { ForCurators = true });

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(payload));
        Assert.Equal(
            [("Approve (1)", "approve:evt_a", 3), ("Reject (1)", "reject:evt_a", 4), ("Approve (3)", "approve:evt_c", 3), ("Reject (3)", "reject:evt_c", 4)],
            payload.Components!.SelectMany(row => row.Components).Select(button => (button.Label, button.CustomId, button.Style)));
    }

    [Theory]
    [InlineData(EventStatus.Rejected, "REJECTED · ", "Rejected: not corroborated")]
    [InlineData(EventStatus.Merged, "MERGED · ", "Merged: not corroborated")]
    [InlineData(EventStatus.Retracted, "RETRACTED · ", "Retracted: not corroborated")]
    public void A_withdrawn_event_says_how_it_was_withdrawn_and_why(EventStatus status, string banner, string line)
    {
        var conflictEvent = new EventBuilder().WithStatus(status, "not corroborated").Build();

        var embed = Assert.Single(DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.Retracted, [])], null)).Embeds!);

        Assert.StartsWith(banner, embed.Title, StringComparison.Ordinal);
        Assert.Contains(line, embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_sources_in_an_alert_is_escaped_and_links_are_ours()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithTitle("@everyone **ALERT** [click](https://evil.example)")
            .WithSummary("<@&123> # breaking\n> quoted ||spoiler||")
            .WithSources(new Source("[Totally legit](https://evil.example)", new Uri("https://news.example/1"), null), new Source("Bad scheme", new Uri("ftp://news.example/2"), null))
            .Build();

        // Act
        var payload = DiscordAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.New, [])], null));

        // Assert
        var embed = Assert.Single(payload.Embeds!);
        Assert.Empty(DiscordShown.Live(embed.Title!));
        Assert.Contains("\\<@\u200B&123\\> \\# breaking\n\\> quoted \\|\\|spoiler\\|\\|", embed.Description);
        Assert.Equal(
            "[\\[Totally legit\\]\\(https\\://evil.example\\)](https://news.example/1)\nBad scheme",
            embed.Fields!.Single(field => field.Name.StartsWith("Sources", StringComparison.Ordinal)).Value);
    }
}
