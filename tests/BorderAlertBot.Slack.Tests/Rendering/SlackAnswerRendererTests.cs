using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Domain;
using BorderAlertBot.Slack.Rendering;
using BorderAlertBot.Slack.Wire;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Slack.Tests.Rendering;

public sealed class SlackAnswerRendererTests
{
    [Fact]
    public void A_small_answer_is_one_message_with_a_header_and_its_blocks()
    {
        // Arrange
        var answer = new Answer("Latest events", [new AnswerBlock.Paragraph("Two events this week."), new AnswerBlock.Facts([new Fact("Clashes", "2"), new Fact("Strikes", "0")], "Counts")]);

        // Act
        var message = Assert.Single(SlackAnswerRenderer.Render(answer));

        // Assert
        Assert.Empty(SlackLimitsCheck.Problems(message));
        Assert.Collection(
            message.Blocks,
            block => Assert.Equal("Latest events", Assert.IsType<HeaderBlock>(block).Text.Text),
            block => Assert.Equal("Two events this week.", Assert.IsType<SectionBlock>(block).Text!.Text),
            block => Assert.Equal("*Counts*", Assert.IsType<SectionBlock>(block).Text!.Text),
            block => Assert.Equal(["*Clashes*\n2", "*Strikes*\n0"], Assert.IsType<SectionBlock>(block).Fields!.Select(field => field.Text)));
        Assert.StartsWith("Latest events\nTwo events this week.", message.Text, StringComparison.Ordinal);
        Assert.False(message.IsPrivate);
        Assert.Null(message.Chart);
    }

    [Fact]
    public void Five_hundred_events_are_split_across_messages_each_within_every_limit_and_none_lost()
    {
        // Arrange
        var events = Enumerable.Range(0, 500)
            .Select(i => new EventBuilder().WithId($"evt_list_{i:000}").WithTitle(new string('T', 10_000)).Build())
            .ToList();
        var answer = new Answer(new string('A', 10_000), [new AnswerBlock.EventList("Latest", events)]);

        // Act
        var messages = SlackAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.Empty(SlackLimitsCheck.Problems(message)));
        var ids = messages
            .SelectMany(message => message.Blocks.OfType<SectionBlock>())
            .SelectMany(section => section.Text?.Text.Split('\n') ?? [])
            .Where(line => line.StartsWith('•'))
            .Select(line => line[(line.LastIndexOf(" · ", StringComparison.Ordinal) + 3)..])
            .ToList();
        Assert.Equal(events.Select(conflictEvent => conflictEvent.Id.Value), ids);
        for (var i = 0; i < messages.Count; i++)
        {
            var header = Assert.IsType<HeaderBlock>(messages[i].Blocks[0]).Text.Text;
            Assert.EndsWith($"… ({i + 1}/{messages.Count})", header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_event_line_links_its_title_to_the_first_source()
    {
        // Arrange
        var conflictEvent = new EventBuilder()
            .WithId("evt_line_1")
            .WithTitle("Clash near Muse")
            .WithSources(new Source("The Irrawaddy", new Uri("https://www.irrawaddy.com/news/1"), null))
            .WithStatus(EventStatus.Retracted, "duplicate")
            .Build();

        // Act
        var message = Assert.Single(SlackAnswerRenderer.Render(new Answer("Latest", [new AnswerBlock.EventList(null, [conflictEvent])])));

        // Assert
        var line = Assert.IsType<SectionBlock>(message.Blocks[1]).Text!.Text;
        var severity = conflictEvent.Severity.Effective;
        Assert.Equal(
            $"• *[{severity.ToString().ToUpperInvariant()} {(int)severity}/5]* RETRACTED · <https://www.irrawaddy.com/news/1|Clash near Muse> · Laukkai, Laukkaing, Shan-North, MM · 2024-01-05 · evt_line_1",
            line);
    }

    [Fact]
    public void A_long_paragraph_is_split_across_sections_and_messages_not_cut()
    {
        // Arrange
        var words = string.Join(" ", Enumerable.Range(0, 12_000).Select(i => $"w{i}"));
        var answer = new Answer("Help", [new AnswerBlock.Paragraph(words)]);

        // Act
        var messages = SlackAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.Empty(SlackLimitsCheck.Problems(message)));
        var text = string.Join(" ", messages.SelectMany(message => message.Blocks.OfType<SectionBlock>()).Select(section => section.Text!.Text));
        Assert.Equal(words, text);
    }

    [Fact]
    public void Many_facts_go_ten_to_a_section()
    {
        // Arrange
        var facts = Enumerable.Range(0, 25).Select(i => new Fact($"Name {i}", new string('v', 300))).ToList();

        // Act
        var message = Assert.Single(SlackAnswerRenderer.Render(new Answer("Facts", [new AnswerBlock.Facts(facts)])));

        // Assert
        Assert.Empty(SlackLimitsCheck.Problems(message));
        Assert.Equal([10, 10, 5], message.Blocks.OfType<SectionBlock>().Select(section => section.Fields!.Count));
    }

    [Fact]
    public void A_private_answer_is_flagged_on_every_message_and_the_chart_rides_on_the_first()
    {
        // Arrange
        var chart = new ChartImage("summary.png", [1, 2, 3], 800, 400, "Clashes by week");
        var events = Enumerable.Range(0, 300).Select(i => new EventBuilder().WithId($"evt_p_{i}").WithTitle(new string('x', 500)).Build());
        var answer = new Answer("Summary", [new AnswerBlock.EventList("Top", events)], chart, IsPrivate: true);

        // Act
        var messages = SlackAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.True(message.IsPrivate));
        Assert.Same(chart, messages[0].Chart);
        Assert.All(messages.Skip(1), message => Assert.Null(message.Chart));
        Assert.DoesNotContain("summary.png", SlackLimitsCheck.Json(messages[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_is_one_private_message_that_escapes_what_the_user_typed()
    {
        // Act
        var message = Assert.Single(SlackAnswerRenderer.Render(Answer.Problem("Unknown region '<!channel>'. Valid: CN-MM, TH-MM.")));

        // Assert
        Assert.True(message.IsPrivate);
        Assert.Empty(SlackLimitsCheck.Problems(message));
        Assert.Equal("Unknown region '&lt;!channel&gt;'. Valid: CN-MM, TH-MM.", Assert.IsType<SectionBlock>(message.Blocks[1]).Text!.Text);
    }

    [Fact]
    public void An_event_in_full_shows_its_revisions_with_date_tokens()
    {
        // Arrange
        var first = new EventBuilder().WithId("evt_full_1").WithRevision(new RevisionInfo(1, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ingest", ["created"])).Build();
        var second = first with { Revision = new RevisionInfo(2, new DateTimeOffset(2026, 1, 2, 12, 30, 0, TimeSpan.Zero), "curator", ["fatalities 3 → 5"]) };

        // Act
        var message = Assert.Single(SlackAnswerRenderer.Render(new Answer("Event evt_full_1", [new AnswerBlock.EventDetail(second, [first, second])])));

        // Assert
        Assert.Empty(SlackLimitsCheck.Problems(message));
        Assert.Contains(message.Blocks, block => block is ActionsBlock == false && block is ContextBlock);
        var revisions = message.Blocks.OfType<SectionBlock>().Last().Text!.Text.Split('\n');
        Assert.Equal(
            [
                "1 · <!date^1767225600^{date_short_pretty} {time}|2026-01-01 00:00 UTC> · ingest · created",
                "2 · <!date^1767357000^{date_short_pretty} {time}|2026-01-02 12:30 UTC> · curator · fatalities 3 → 5",
            ],
            revisions);
        Assert.DoesNotContain(message.Blocks, block => block is ActionsBlock);
    }

    [Fact]
    public void Hostile_text_in_an_answer_cannot_ping_or_link()
    {
        // Arrange
        const string Hostile = "<!channel> <!here> <@U123> <!subteam^S1> <https://evil.example|click> &lt; \u202E \u0000";
        var conflictEvent = new EventBuilder().WithTitle(Hostile).WithSources(new Source(Hostile, new Uri("https://ok.example/"), null)).Build();
        var answer = new Answer(Hostile, [
            new AnswerBlock.Paragraph(Hostile),
            new AnswerBlock.Facts([new Fact(Hostile, Hostile)], Hostile),
            new AnswerBlock.EventList(Hostile, [conflictEvent]),
            new AnswerBlock.EventDetail(conflictEvent, [conflictEvent, conflictEvent with { Revision = new RevisionInfo(2, DateTimeOffset.UnixEpoch, Hostile, [Hostile]) }]),
        ]);

        // Act
        var messages = SlackAnswerRenderer.Render(answer);

        // Assert
        Assert.All(messages, message =>
        {
            Assert.Equal([], SlackLimitsCheck.Problems(message));
            var json = SlackLimitsCheck.Json(message);
            Assert.DoesNotContain("<@U123", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<!subteam", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://evil", json, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202E', json);
            Assert.DoesNotContain('\u0000', json);
        });
    }

    [Fact]
    public void An_empty_answer_still_has_a_header_and_a_fallback()
    {
        // Act
        var message = Assert.Single(SlackAnswerRenderer.Render(new Answer("  ", [])));

        // Assert
        Assert.Empty(SlackLimitsCheck.Problems(message));
        Assert.Equal("—", message.Text);
        Assert.Equal("—", Assert.IsType<HeaderBlock>(Assert.Single(message.Blocks)).Text.Text);
    }
}
