using BorderAlertBot.Slack.Rendering;

namespace BorderAlertBot.Slack.Tests.Rendering;

public sealed class SlackMrkdwnTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here> <!everyone>", "&lt;!here&gt; &lt;!everyone&gt;")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<!subteam^S123>", "&lt;!subteam^S123&gt;")]
    [InlineData("<https://evil|click>", "&lt;https://evil|click&gt;")]
    [InlineData("<!date^1392734382^{date}|x>", "&lt;!date^1392734382^{date}|x&gt;")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("Tom & Jerry", "Tom &amp; Jerry")]
    [InlineData("> quoted", "&gt; quoted")]
    [InlineData("plain text, 12 killed", "plain text, 12 killed")]
    public void Source_text_can_never_make_a_token(string source, string escaped)
    {
        Assert.Equal(escaped, SlackMrkdwn.Escape(source));
    }

    [Theory]
    [InlineData("*bold*")]
    [InlineData("_italic_")]
    [InlineData("~strike~")]
    [InlineData("`code`")]
    [InlineData("```block```")]
    public void Style_characters_are_fenced_with_zero_width_spaces(string source)
    {
        // Act
        var escaped = SlackMrkdwn.Escape(source);

        // Assert
        Assert.Equal(source, escaped.Replace("\u200B", string.Empty, StringComparison.Ordinal));
        for (var i = 0; i < escaped.Length; i++)
        {
            if ("*_~`".Contains(escaped[i], StringComparison.Ordinal))
            {
                Assert.Equal('\u200B', escaped[i - 1]);
                Assert.Equal('\u200B', escaped[i + 1]);
            }
        }
    }

    [Fact]
    public void Plain_text_keeps_style_characters_but_escapes_tokens()
    {
        Assert.Equal("*bold* &lt;!channel&gt;", SlackMrkdwn.EscapePlain("*bold* <!channel>"));
    }

    [Fact]
    public void Control_characters_go_and_line_breaks_stay_or_become_spaces()
    {
        // Arrange
        const string Source = "a\u0000b\u0007c\u001Bd\u007Fe\u009Bf\tg\r\nh\u2028i";

        // Act
        var kept = SlackMrkdwn.Escape(Source);
        var line = SlackMrkdwn.EscapeLine(Source);

        // Assert
        Assert.Equal("abcdef g\nh\ni", kept);
        Assert.Equal("abcdef g h i", line);
    }

    [Fact]
    public void Bidi_overrides_embeddings_and_isolates_are_removed()
    {
        // Arrange: U+202E would show "gnp.exe" reversed; isolates and embeddings left open would reorder what follows.
        const string Source = "report\u202Egnp.exe \u202Aa\u202B\u202C\u202D \u2066b\u2067\u2068\u2069 \u200Fمرحبا";

        // Act
        var escaped = SlackMrkdwn.Escape(Source);

        // Assert
        Assert.DoesNotContain(escaped, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
        Assert.Equal("reportgnp.exe a b \u200Fمرحبا", escaped);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_and_a_pair_stays()
    {
        Assert.Equal("a\uFFFDb\uFFFD🔥", SlackMrkdwn.Escape("a\uD800b\uDC00🔥"));
    }

    [Fact]
    public void Truncation_ends_with_an_ellipsis_within_the_limit()
    {
        // Act
        var cut = SlackMrkdwn.Literal(new string('x', 10_000), 150);

        // Assert
        Assert.Equal(150, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal("short", SlackMrkdwn.Literal("  short  ", 150));
    }

    [Fact]
    public void Truncation_never_cuts_an_entity_a_token_a_fenced_style_character_or_a_surrogate_pair()
    {
        // Arrange
        var escaped = SlackMrkdwn.Escape(string.Concat(Enumerable.Repeat("&<*🔥", 50))) + SlackMrkdwn.Link(new Uri("https://example.org/a"), "a link") + SlackMrkdwn.Date(DateTimeOffset.UnixEpoch);

        for (var max = 0; max <= escaped.Length + 1; max++)
        {
            // Act
            var cut = SlackMrkdwn.Truncate(escaped, max);

            // Assert
            Assert.True(cut.Length <= max, $"{cut.Length} > {max}");
            var body = cut.EndsWith('…') ? cut[..^1] : cut;
            Assert.StartsWith(body, escaped, StringComparison.Ordinal);
            Assert.False(body.Length > 0 && char.IsHighSurrogate(body[^1]), $"a split pair at {max}");
            var lastAmp = body.LastIndexOf('&');
            Assert.True(lastAmp < 0 || body.IndexOf(';', lastAmp) > 0, $"a split entity at {max}");
            Assert.True(body.Count(c => c == '<') == body.Count(c => c == '>'), $"a split token at {max}");
            Assert.False(body.EndsWith("\u200B*", StringComparison.Ordinal), $"a split fence at {max}");
        }
    }

    [Fact]
    public void A_link_escapes_its_label_and_cannot_end_early()
    {
        // Act
        var link = SlackMrkdwn.Link(new Uri("https://example.org/a?b=1&c=<2>|3"), "<!channel> & *me*");

        // Assert
        Assert.Equal("<https://example.org/a?b=1&amp;c=%3C2%3E%7C3|&lt;!channel&gt; &amp; \u200B*\u200Bme\u200B*\u200B>", link);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("mailto:a@example.org")]
    [InlineData("file:///etc/passwd")]
    public void Only_http_and_https_are_linked(string url)
    {
        Assert.Equal("label", SlackMrkdwn.Link(new Uri(url), "label"));
    }

    [Fact]
    public void A_link_without_a_label_shows_the_host_and_an_overlong_url_only_the_label()
    {
        Assert.Equal("<https://example.org/x|example.org>", SlackMrkdwn.Link(new Uri("https://example.org/x"), "  "));
        Assert.Equal("label", SlackMrkdwn.Link(new Uri("https://example.org/" + new string('a', 2000)), "label"));
    }

    [Fact]
    public void A_date_token_shows_local_time_with_a_utc_fallback()
    {
        // Arrange
        var at = new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.FromHours(7));

        // Act
        var token = SlackMrkdwn.Date(at);

        // Assert
        Assert.Equal("<!date^1767225600^{date_short_pretty} {time}|2026-01-01 00:00 UTC>", token);
    }

    [Fact]
    public void A_time_before_1970_is_plain_utc_text()
    {
        Assert.Equal("0001-01-01 00:00 UTC", SlackMrkdwn.Date(DateTimeOffset.MinValue));
    }
}
