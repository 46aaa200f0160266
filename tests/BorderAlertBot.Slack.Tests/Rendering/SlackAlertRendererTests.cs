using System.Text.Json;
using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Slack.Rendering;
using BorderAlertBot.Slack.Wire;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Slack.Tests.Rendering;

public sealed class SlackAlertRendererTests
{
    [Fact]
    public void An_alert_shows_each_fact_of_the_event_in_header_section_fields_context_and_buttons()
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
        var rendered = SlackAlertRenderer.Render(message);

        // Assert
        Assert.Empty(SlackLimitsCheck.Problems(rendered));
        Assert.Collection(
            rendered.Blocks,
            block => Assert.Equal("🔴 Air strike near Laukkai", Assert.IsType<HeaderBlock>(block).Text.Text),
            block =>
            {
                var section = Assert.IsType<SectionBlock>(block);
                Assert.Equal(
                    "*[CRITICAL 5/5] Border clash · Air strike*\nJets struck a village.\n⚠ possible ceasefire violation (ceasefire agreed 2024-01-02)",
                    section.Text!.Text);
                Assert.Equal(
                    ["*Where*\nLaukkai, Laukkaing, Shan-North, MM\nCN-MM border, 2.3 km", "*When*\n2024-01-05", "*Figures*\n12 killed (as reported by UN OCHA)", "*Actors*\nTatmadaw, MNDAA"],
                    section.Fields!.Select(field => field.Text));
            },
            block => Assert.Equal(
                [
                    "*2 reports · 2 sources*",
                    "<https://www.irrawaddy.com/news/1|The Irrawaddy>",
                    "<https://myanmar-now.org/2|Myanmar Now>",
                    "Severity: " + conflictEvent.Severity.Describe(),
                    "`evt_laukkai_1` · revision 3 · Verified",
                ],
                Assert.IsType<ContextBlock>(block).Elements.Select(element => element.Text)),
            block =>
            {
                var buttons = Assert.IsType<ActionsBlock>(block).Elements;
                Assert.Equal(["why", "mute"], buttons.Select(button => button.ActionId));
                Assert.Equal(["evt_laukkai_1", "8h"], buttons.Select(button => button.Value));
                Assert.Equal(["Why?", "Mute 8h"], buttons.Select(button => button.Text.Text));
            });
        Assert.Equal("[CRITICAL 5/5] Air strike near Laukkai · Laukkai, Laukkaing, Shan-North, MM", rendered.Text);
    }

    [Fact]
    public void In_the_curators_channel_each_pending_entry_gets_approve_and_reject_and_a_decided_one_none()
    {
        // Arrange
        var pending = new EventBuilder().WithId("evt_a").WithStatus(EventStatus.Pending).Build();
        var decided = new EventBuilder().WithId("evt_b").Build();

        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(pending, AlertKind.New, []), new AlertEntry(decided, AlertKind.Updated, [])], null) { ForCurators = true });

        // Assert
        var actions = rendered.Blocks.OfType<ActionsBlock>().ToList();
        var buttons = Assert.Single(actions).Elements;
        Assert.Equal([("approve", "evt_a", "primary"), ("reject", "evt_a", "danger")], buttons.Select(button => (button.ActionId, button.Value, button.Style)));
        Assert.Equal(["Approve", "Reject"], buttons.Select(button => button.Text.Text));
    }

    [Fact]
    public void An_exact_time_is_a_date_token_so_readers_see_their_local_time()
    {
        // Arrange
        var conflictEvent = new EventBuilder().OccurredOn(new DateTimeOffset(2026, 1, 1, 6, 30, 0, TimeSpan.FromHours(6.5)), TimePrecision.Exact).Build();

        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.New, [])], null));

        // Assert
        var section = rendered.Blocks.OfType<SectionBlock>().Single();
        Assert.Contains("*When*\n<!date^1767225600^{date_short_pretty} {time}|2026-01-01 00:00 UTC>", section.Fields!.Select(field => field.Text));
        Assert.Empty(SlackLimitsCheck.Problems(rendered));
    }

    [Fact]
    public void An_update_says_UPDATED_and_what_changed()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithTitle("Clash near Muse")
            .WithRevision(new RevisionInfo(2, DateTimeOffset.UnixEpoch, "curator", ["fatalities 3 → 5", "location refined"]))
            .Build();

        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.Updated, [])], null));

        // Assert
        var header = rendered.Blocks.OfType<HeaderBlock>().Single().Text.Text;
        Assert.EndsWith("UPDATED · Clash near Muse", header, StringComparison.Ordinal);
        var section = rendered.Blocks.OfType<SectionBlock>().Single().Text!.Text;
        Assert.EndsWith("*What changed (revision 2):* fatalities 3 → 5; location refined", section, StringComparison.Ordinal);
        Assert.Contains("UPDATED · Clash near Muse", rendered.Text, StringComparison.Ordinal);
        Assert.Empty(SlackLimitsCheck.Problems(rendered));
    }

    [Fact]
    public void A_retraction_says_RETRACTED_and_why_in_grey()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithTitle("Clash near Muse")
            .WithStatus(EventStatus.Retracted, "Duplicate of <evt_x> & wrong place")
            .Build();

        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, AlertKind.Retracted, [])], null));

        // Assert
        Assert.Equal("⚫ RETRACTED · Clash near Muse", rendered.Blocks.OfType<HeaderBlock>().Single().Text.Text);
        var lines = rendered.Blocks.OfType<SectionBlock>().Single().Text!.Text.Split('\n');
        Assert.Equal("*Retracted:* Duplicate of &lt;evt\u200B_\u200Bx&gt; &amp; wrong place", lines[1]);
        Assert.StartsWith("[", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("RETRACTED · Clash near Muse", rendered.Text, StringComparison.Ordinal);
        Assert.Empty(SlackLimitsCheck.Problems(rendered));
    }

    [Fact]
    public void A_new_alert_has_no_banner()
    {
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(new EventBuilder().WithTitle("T").Build(), AlertKind.New, [])], null));

        Assert.DoesNotContain("UPDATED", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("RETRACTED", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_event_has_its_own_Why_button_and_the_last_actions_block_also_mutes()
    {
        // Arrange
        var entries = Enumerable.Range(1, 3)
            .Select(i => new AlertEntry(new EventBuilder().WithId($"evt_group_{i}").Build(), AlertKind.New, []))
            .ToList();

        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage(entries, null));

        // Assert
        var actions = rendered.Blocks.OfType<ActionsBlock>().ToList();
        Assert.Equal(3, actions.Count);
        Assert.Equal(["evt_group_1", "evt_group_2", "evt_group_3"], actions.Select(block => block.Elements[0].Value));
        Assert.All(actions, block => Assert.Equal(SlackAlertRenderer.WhyActionId, block.Elements[0].ActionId));
        Assert.Equal([1, 1, 2], actions.Select(block => block.Elements.Count));
        Assert.Equal(("mute", "8h"), (actions[^1].Elements[^1].ActionId, actions[^1].Elements[^1].Value));
        Assert.Equal(3, rendered.Text.Split('\n').Length);
        Assert.Empty(SlackLimitsCheck.Problems(rendered));
    }

    [Theory]
    [InlineData("<@U0JDOE001>", "<@U0JDOE001>")]
    [InlineData("<@U0JDOE001|jdoe>", "<@U0JDOE001>")]
    [InlineData("U0JDOE001", "<@U0JDOE001>")]
    [InlineData("user:W0ENTERPRISE1", "<@W0ENTERPRISE1>")]
    [InlineData("<!subteam^S0ONCALL1>", "<!subteam^S0ONCALL1>")]
    [InlineData("<!subteam^S0ONCALL1|@oncall>", "<!subteam^S0ONCALL1>")]
    [InlineData("subteam:S0ONCALL1", "<!subteam^S0ONCALL1>")]
    [InlineData(" S0ONCALL1 ", "<!subteam^S0ONCALL1>")]
    public void The_only_mention_is_the_configured_user_or_user_group(string configured, string markup)
    {
        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(new EventBuilder().Build(), AlertKind.New, [])], configured));

        // Assert
        Assert.Equal(markup, Assert.IsType<SectionBlock>(rendered.Blocks[0]).Text!.Text);
        Assert.StartsWith(markup + " ", rendered.Text, StringComparison.Ordinal);
        Assert.Empty(SlackLimitsCheck.Problems(rendered, markup));
        var json = SlackLimitsCheck.Json(rendered);
        Assert.Equal(2, json.Split(markup).Length - 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<!channel>")]
    [InlineData("<!here>")]
    [InlineData("<!everyone>")]
    [InlineData("channel")]
    [InlineData("here")]
    [InlineData("everyone")]
    [InlineData("@here")]
    [InlineData("<#C0ALERTS1>")]
    [InlineData("<@u0lower>")]
    [InlineData("<@U0JDOE001><!channel>")]
    [InlineData("U0<!here>")]
    [InlineData("&1234")]
    [InlineData("1234567890")]
    public void Anything_else_configured_mentions_nobody(string? configured)
    {
        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(new EventBuilder().Build(), AlertKind.New, [])], configured));

        // Assert
        Assert.IsType<HeaderBlock>(rendered.Blocks[0]);
        Assert.Empty(SlackLimitsCheck.Problems(rendered));
        var json = SlackLimitsCheck.Json(rendered);
        Assert.DoesNotContain("<@", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!subteam", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<#", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_source_text_cannot_ping_link_or_break_out_anywhere()
    {
        // Arrange
        const string Hostile = "<!channel> <!here> <!everyone> <@U123> <!subteam^S1> <https://evil.example|click> &lt; \u202Eevil \u0007 *x* > q";
        var conflictEvent = new EventBuilder()
            .WithTitle(Hostile)
            .WithSummary(Hostile)
            .WithFigure(FigureKind.Fatalities, 1, Hostile)
            .WithActors(new Actor(Hostile, Hostile))
            .WithSources(new Source(Hostile, new Uri("https://news.example/a?x=<y>|z"), null), new Source(Hostile, new Uri("javascript:alert(1)"), null))
            .WithSeverityOverride(Severity.High, Hostile)
            .WithStatus(EventStatus.Retracted, Hostile)
            .WithRevision(new RevisionInfo(2, DateTimeOffset.UnixEpoch, Hostile, [Hostile]))
            .At(new Location("MM", Hostile, Hostile, Hostile, Hostile, new GeoPoint(1, 1), LocationPrecision.Exact))
            .Build();
        var kinds = new[] { AlertKind.New, AlertKind.Updated, AlertKind.Retracted };

        foreach (var kind in kinds)
        {
            // Act
            var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, kind, [Hostile])], null));

            // Assert
            Assert.Empty(SlackLimitsCheck.Problems(rendered));
            var json = SlackLimitsCheck.Json(rendered);
            Assert.DoesNotContain("<@U123", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<!subteam", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://evil", json, StringComparison.Ordinal);
            Assert.DoesNotContain("javascript", json, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202E', json);
            Assert.DoesNotContain('\u0007', json);
            Assert.Contains("&amp;lt;", json, StringComparison.Ordinal);
            Assert.Contains("<https://news.example/a?x=%3Cy%3E%7Cz|", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Huge_hostile_input_stays_within_every_limit()
    {
        // Arrange
        var huge = string.Concat(Enumerable.Repeat("<!channel>&🔥*_", 1000));
        var conflictEvent = new EventBuilder()
            .WithTitle(new string('T', 10_000))
            .WithSummary(huge)
            .WithActors([.. Enumerable.Range(0, 300).Select(i => new Actor(huge, huge))])
            .WithSources([.. Enumerable.Range(0, 500).Select(i => new Source(huge, new Uri($"https://news{i}.example/" + new string('p', 900)), null))])
            .WithRevision(new RevisionInfo(9, DateTimeOffset.UnixEpoch, huge, [.. Enumerable.Repeat(huge, 50)]))
            .WithStatus(EventStatus.Retracted, huge)
            .Build();
        for (var i = 0; i < 50; i++)
        {
            conflictEvent = conflictEvent with { Figures = [.. conflictEvent.Figures, new Figure(FigureKind.Injured, i, huge)] };
        }

        foreach (var kind in new[] { AlertKind.New, AlertKind.Updated, AlertKind.Retracted })
        {
            // Act
            var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(conflictEvent, kind, [.. Enumerable.Repeat(huge, 40)])], "<@U0JDOE001>"));

            // Assert
            Assert.Empty(SlackLimitsCheck.Problems(rendered, "<@U0JDOE001>"));
            var header = rendered.Blocks.OfType<HeaderBlock>().Single().Text.Text;
            Assert.Equal(150, header.Length);
            Assert.EndsWith("…", header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Five_hundred_events_in_one_message_show_the_first_five_and_count_the_rest()
    {
        // Arrange
        var long_ = new string('x', 10_000);
        var entries = Enumerable.Range(0, 500)
            .Select(i => new AlertEntry(new EventBuilder().WithId($"evt_many_{i}").WithTitle(long_).WithSummary(long_).Build(), AlertKind.Updated, [long_]))
            .ToList();

        // Act
        var rendered = SlackAlertRenderer.Render(new AlertMessage(entries, "<!subteam^S0ONCALL1>"));

        // Assert
        Assert.Equal([], SlackLimitsCheck.Problems(rendered, "<!subteam^S0ONCALL1>"));
        var why = rendered.Blocks.OfType<ActionsBlock>().SelectMany(block => block.Elements).Where(button => button.ActionId == "why").Select(button => button.Value);
        Assert.Equal(Enumerable.Range(0, SlackAlertRenderer.MaxEntriesPerMessage).Select(i => $"evt_many_{i}"), why);
        var last = Assert.IsType<ContextBlock>(rendered.Blocks[^1]);
        Assert.Equal("+495 more events not shown in this message", last.Elements.Single().Text);
        Assert.EndsWith("+495 more events not shown in this message", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_without_entries_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SlackAlertRenderer.Render(new AlertMessage([], null)));
    }

    [Fact]
    public void The_JSON_is_Block_Kit_with_the_type_first_snake_case_and_no_nulls()
    {
        // Arrange
        var rendered = SlackAlertRenderer.Render(new AlertMessage([new AlertEntry(new EventBuilder().WithId("evt_json_1").Build(), AlertKind.New, [])], null));

        // Act
        var json = JsonSerializer.Serialize(rendered, SlackWireJsonContext.Default.SlackMessage);
        using var document = JsonDocument.Parse(json);

        // Assert
        var root = document.RootElement;
        Assert.Equal(["text", "blocks"], root.EnumerateObject().Select(property => property.Name));
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["header", "section", "context", "actions"], blocks.Select(block => block.EnumerateObject().First().Value.GetString()));
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.True(blocks[1].GetProperty("text").GetProperty("verbatim").GetBoolean());
        var button = blocks[3].GetProperty("elements")[0];
        Assert.Equal(["type", "text", "action_id", "value"], button.EnumerateObject().Select(property => property.Name));
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("evt_json_1", button.GetProperty("value").GetString());
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("is_private", json, StringComparison.Ordinal);
        Assert.DoesNotContain("chart", json, StringComparison.Ordinal);
    }
}
