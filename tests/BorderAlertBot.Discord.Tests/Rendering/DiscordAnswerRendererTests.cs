using System.Globalization;
using System.Text.Json;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Answers;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Discord.Tests.Rendering;

public sealed class DiscordAnswerRendererTests
{
    [Fact]
    public void A_short_answer_is_one_message_with_the_title_and_the_paragraph()
    {
        // Arrange
        var answer = new Answer("Muted for 8 hours", [new AnswerBlock.Paragraph("Alerts wait until 2024-01-05 20:00 UTC.")]);

        // Act
        var message = Assert.Single(DiscordAnswerRenderer.Render(answer));

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(message.Payload));
        var embed = Assert.Single(message.Payload.Embeds!);
        Assert.Equal("Muted for 8 hours", embed.Title);
        Assert.Equal("Alerts wait until 2024\\-01\\-05 20:00 UTC.", embed.Description);
        Assert.Same(AllowedMentions.None, message.Payload.AllowedMentions);
        Assert.Null(message.Payload.Flags);
        Assert.Empty(message.Files);
    }

    [Fact]
    public void Many_paragraphs_continue_in_more_embeds_and_messages_within_every_limit()
    {
        // Arrange
        var paragraphs = Enumerable.Range(1, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"Paragraph {i}: ") + new string('x', 900)).ToList();
        var answer = new Answer("Why: a long story", [.. paragraphs.Select(text => new AnswerBlock.Paragraph(text))]);

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.Empty(DiscordLimitsCheck.Problems(message.Payload)));
        var embeds = messages.SelectMany(message => message.Payload.Embeds!).ToList();
        Assert.Equal("Why: a long story", embeds[0].Title);
        Assert.All(embeds.Skip(1), embed => Assert.Null(embed.Title));
        Assert.Equal(paragraphs, embeds.SelectMany(embed => DiscordShown.Text(embed.Description!).Split("\n\n")));
    }

    [Fact]
    public void One_paragraph_longer_than_a_description_is_split_between_words()
    {
        // Arrange
        var words = string.Join(' ', Enumerable.Range(1, 3_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"w{i}")));
        var answer = new Answer("Help", [new AnswerBlock.Paragraph(words)]);

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        var embeds = messages.SelectMany(message => message.Payload.Embeds!).ToList();
        Assert.True(embeds.Count > 1);
        Assert.All(messages, message => Assert.Empty(DiscordLimitsCheck.Problems(message.Payload)));
        Assert.Equal(words, string.Join(' ', embeds.Select(embed => embed.Description)));
    }

    [Fact]
    public void Facts_become_fields_inline_when_short_and_a_heading_titles_a_new_embed()
    {
        // Arrange
        var answer = new Answer("Summary of the last 7 days",
        [
            new AnswerBlock.Paragraph("Counts by kind."),
            new AnswerBlock.Facts([new Fact("Border clash", "5 (the week before 2)"), new Fact("Long", new string('y', 200))], "By kind"),
        ]);

        // Act
        var embeds = Assert.Single(DiscordAnswerRenderer.Render(answer)).Payload.Embeds!;

        // Assert
        Assert.Equal(["Summary of the last 7 days", "By kind"], embeds.Select(embed => embed.Title));
        Assert.Equal([("Border clash", true), ("Long", false)], embeds[1].Fields!.Select(field => (field.Name, field.Inline)));
    }

    [Fact]
    public void More_than_25_facts_continue_in_another_embed()
    {
        // Arrange
        var facts = Enumerable.Range(1, 60).Select(i => new Fact(string.Create(CultureInfo.InvariantCulture, $"Crossing {i}"), "open")).ToList();
        var answer = new Answer("Crossings", [new AnswerBlock.Facts(facts)]);

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        var message = Assert.Single(messages);
        Assert.Empty(DiscordLimitsCheck.Problems(message.Payload));
        Assert.Equal([25, 25, 10], message.Payload.Embeds!.Select(embed => embed.Fields!.Count));
        Assert.Equal(facts.Select(fact => fact.Name), message.Payload.Embeds!.SelectMany(embed => embed.Fields!).Select(field => field.Name));
    }

    [Fact]
    public void Large_facts_are_packed_into_messages_of_at_most_6000_characters()
    {
        // Arrange
        var facts = Enumerable.Range(1, 80).Select(i => new Fact(new string('n', 300), new string('v', 2_000))).ToList();
        var answer = new Answer("Displacement", [new AnswerBlock.Facts(facts, "Displacement")]);

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.Empty(DiscordLimitsCheck.Problems(message.Payload)));
        Assert.Equal(80, messages.Sum(message => message.Payload.Embeds!.Sum(embed => embed.Fields?.Count ?? 0)));
    }

    [Fact]
    public void An_event_list_has_a_line_per_event_and_continues_past_4096_characters()
    {
        // Arrange
        var events = Enumerable.Range(1, 120)
            .Select(i => new EventBuilder().WithId(string.Create(CultureInfo.InvariantCulture, $"evt_list_{i}")).WithTitle("**Clash** " + new string('t', 60)).Build())
            .ToList();
        var answer = new Answer("Subscribed", [new AnswerBlock.Paragraph("Done."), new AnswerBlock.EventList("Preview", events)]);

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        Assert.All(messages, message => Assert.Empty(DiscordLimitsCheck.Problems(message.Payload)));
        var embeds = messages.SelectMany(message => message.Payload.Embeds!).ToList();
        Assert.Equal("Preview", embeds[1].Title);
        var lines = embeds.Skip(1).SelectMany(embed => embed.Description!.Split('\n')).ToList();
        Assert.Equal(120, lines.Count);
        var first = events[0];
        Assert.Equal(
            $"**[{first.Severity.Effective.ToString().ToUpperInvariant()} {(int)first.Severity.Effective}/5]** \\*\\*Clash\\*\\* {new string('t', 60)} · Laukkai, Laukkaing, Shan\\-North, MM · 2024-01-05 · `evt_list_1` · [source]({first.Sources[0].Url.AbsoluteUri})",
            lines[0]);
    }

    [Fact]
    public void An_event_in_full_is_an_alert_embed_with_its_revisions()
    {
        // Arrange
        var first = new EventBuilder().WithId("evt_detail").WithTitle("Clash at Kyugok")
            .WithRevision(new RevisionInfo(1, new DateTimeOffset(2024, 1, 5, 8, 0, 0, TimeSpan.Zero), "acled", ["created"])).Build();
        var second = first with { Revision = new RevisionInfo(2, new DateTimeOffset(2024, 1, 6, 9, 30, 0, TimeSpan.Zero), "curator", ["fatalities 3 → 7"]) };
        var answer = new Answer(second.Title, [new AnswerBlock.EventDetail(second, [first, second])]);

        // Act
        var message = Assert.Single(DiscordAnswerRenderer.Render(answer));

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(message.Payload));
        var embed = Assert.Single(message.Payload.Embeds!);
        Assert.Equal("Clash at Kyugok", embed.Title);
        Assert.StartsWith("**[", embed.Description);
        Assert.Contains(embed.Fields!, field => field.Name.StartsWith("Sources (", StringComparison.Ordinal));
        var revisions = embed.Fields!.Single(field => field.Name == "Revisions");
        Assert.Equal("1 · 2024-01-05 08:00 UTC · acled · created\n2 · 2024-01-06 09:30 UTC · curator · fatalities 3 → 7", revisions.Value);
        Assert.Equal("evt_detail · revision 2 · Verified", embed.Footer!.Text);
    }

    [Fact]
    public void A_retracted_event_in_full_shows_the_retraction()
    {
        // Arrange
        var conflictEvent = new EventBuilder().WithTitle("Clash at Kyugok").WithStatus(EventStatus.Retracted, "Duplicate").Build();
        var answer = new Answer(conflictEvent.Title, [new AnswerBlock.EventDetail(conflictEvent, [])]);

        // Act
        var embed = Assert.Single(Assert.Single(DiscordAnswerRenderer.Render(answer)).Payload.Embeds!);

        // Assert
        Assert.Equal("RETRACTED · Clash at Kyugok", embed.Title);
        Assert.Contains("Retracted: Duplicate", embed.Description);
    }

    [Fact]
    public void The_chart_is_the_first_file_shown_in_the_last_embed_of_the_first_message()
    {
        // Arrange
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };
        var facts = Enumerable.Range(1, 300).Select(i => new Fact(string.Create(CultureInfo.InvariantCulture, $"Fact {i}"), new string('v', 100))).ToList();
        var answer = new Answer("Summary", [new AnswerBlock.Facts(facts)], new ChartImage("events-per-day.png", png, 800, 400, "Events per day by kind, 1–28 Jan"));

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        var file = Assert.Single(messages[0].Files);
        Assert.Equal(("events-per-day.png", "image/png", "Events per day by kind, 1–28 Jan"), (file.FileName, file.ContentType, file.Description));
        Assert.Same(png, file.Bytes);
        Assert.Equal(new AttachmentInfo(0, "events-per-day.png", "Events per day by kind, 1–28 Jan"), Assert.Single(messages[0].Payload.Attachments!));
        var embeds = messages[0].Payload.Embeds!;
        Assert.Equal("attachment://events-per-day.png", embeds[^1].Image!.Url);
        Assert.All(embeds.SkipLast(1), embed => Assert.Null(embed.Image));
        Assert.All(messages.Skip(1), message => Assert.Empty(message.Files));
        Assert.All(messages.Skip(1), message => Assert.All(message.Payload.Embeds!, embed => Assert.Null(embed.Image)));
    }

    [Fact]
    public void A_private_answer_is_flagged_ephemeral_on_every_message()
    {
        // Arrange
        var paragraphs = Enumerable.Range(1, 30).Select(i => new AnswerBlock.Paragraph(new string('p', 3_000)));
        var answer = new Answer("Why: something", [.. paragraphs], IsPrivate: true);

        // Act
        var messages = DiscordAnswerRenderer.Render(answer);

        // Assert
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.Equal(64, message.Payload.Flags));
        Assert.All(messages, message => Assert.Same(AllowedMentions.None, message.Payload.AllowedMentions));
    }

    [Fact]
    public void A_problem_is_one_private_embed_in_a_muted_colour()
    {
        // Arrange
        var answer = Answer.Problem("event: no event evt_missing; /border search finds events by words");

        // Act
        var message = Assert.Single(DiscordAnswerRenderer.Render(answer));

        // Assert
        var embed = Assert.Single(message.Payload.Embeds!);
        Assert.Equal("That did not work", embed.Title);
        Assert.Equal("event: no event evt\\_missing; /border search finds events by words", embed.Description);
        Assert.Equal(0x4F545C, embed.Color);
        Assert.Equal(64, message.Payload.Flags);
    }

    [Fact]
    public void Text_in_an_answer_cannot_ping_or_link()
    {
        // Arrange
        var answer = new Answer("Why: @everyone [win](https://evil.example)",
            [new AnswerBlock.Paragraph("<@&123> look"), new AnswerBlock.Facts([new Fact("<@123>", "@here")])]);

        // Act
        var message = Assert.Single(DiscordAnswerRenderer.Render(answer));

        // Assert
        var embed = Assert.Single(message.Payload.Embeds!);
        Assert.Empty(DiscordShown.Live(embed.Title!));
        Assert.Empty(DiscordShown.Live(embed.Description!));
        Assert.All(embed.Fields!, field => Assert.Empty(DiscordShown.Live(field.Name + field.Value)));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message.Payload, DiscordWireJsonContext.Default.MessagePayload));
        Assert.Equal(0, json.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public void A_right_to_left_override_in_a_title_ends_before_the_rest_of_its_line()
    {
        // Arrange
        var conflictEvent = new EventBuilder().WithTitle("\u202Eevil title").Build();
        var answer = new Answer("Latest events", [new AnswerBlock.EventList(null, [conflictEvent])]);

        // Act
        var embed = Assert.Single(Assert.Single(DiscordAnswerRenderer.Render(answer)).Payload.Embeds!);

        // Assert
        Assert.Contains("** \u202Eevil title\u202C · Laukkai", embed.Description);
    }
}
