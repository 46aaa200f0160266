using BorderAlertBot.Discord.Rendering;

namespace BorderAlertBot.Discord.Tests.Rendering;

public sealed class DiscordMarkdownTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<@&123456789012345678> please look",
        "<@123456789012345678>",
        "<@!123456789012345678>",
        "<#123456789012345678>",
        "<:border:123456789012345678> and <a:spin:1>",
        "</border latest:123>",
        "<t:1700000000:R>",
        "@everyone @here",
        "[text](https://evil.example/phish)",
        "[text](<https://evil.example>)",
        "see https://evil.example/x and <https://evil.example/y>",
        "**bold** *italic* __underline__ ~~strike~~",
        "# Heading\n## Smaller\n-# subtext",
        "> quoted\n>>> block quote",
        "`code` and ```\nblock\n```",
        "||spoiler||",
        "- item\n* item\n+ item\n1. first\n  2. second",
        "C:\\path\\to\\file \\*not bold\\*",
        "\u202Eevil\u202C right-to-left **override**",
        "Laukkai, Shan-North (MM)",
        "ok 🛂 emoji 👨‍👩‍👧 family",
    };

    [Theory]
    [InlineData("<@&123>", "\\<@\u200B&123\\>")]
    [InlineData("<@123>", "\\<@\u200B123\\>")]
    [InlineData("<#123>", "\\<\\#123\\>")]
    [InlineData("<:emoji:1>", "\\<:emoji:1\\>")]
    [InlineData("@everyone", "@\u200Beveryone")]
    [InlineData("@here", "@\u200Bhere")]
    [InlineData("[text](https://evil)", "\\[text\\]\\(https\\://evil\\)")]
    [InlineData("**bold**", "\\*\\*bold\\*\\*")]
    [InlineData("__under__ ~~strike~~", "\\_\\_under\\_\\_ \\~\\~strike\\~\\~")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("-# subtext", "\\-\\# subtext")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("||spoiler||", "\\|\\|spoiler\\|\\|")]
    [InlineData("- item", "\\- item")]
    [InlineData("1. first\n2. second", "1\\. first\n2\\. second")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("C:\\dir", "C:\\\\dir")]
    [InlineData("version 2.0 + more: fine", "version 2.0 + more: fine")]
    [InlineData("plain words", "plain words")]
    public void Markdown_characters_and_mentions_are_escaped(string text, string expected)
    {
        // Arrange

        // Act
        var escaped = DiscordMarkdown.Escape(text);

        // Assert
        Assert.Equal(expected, escaped);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escaped_text_leaves_nothing_Discord_could_read_as_markup(string text)
    {
        // Arrange

        // Act
        var escaped = DiscordMarkdown.Escape(text);

        // Assert
        Assert.Empty(DiscordShown.Live(escaped));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escaped_text_shown_by_Discord_reads_as_the_original(string text)
    {
        // Arrange

        // Act
        var shown = DiscordShown.Text(DiscordMarkdown.Escape(text));

        // Assert
        Assert.Equal(text, shown);
    }

    [Theory]
    [InlineData("a\u0000b\u0007c\u001bd\u007fe\u0085f", "abcdef")]
    [InlineData("tab\there", "tab here")]
    [InlineData("line\nbreak\r\nagain", "line\nbreak\r\nagain")]
    [InlineData("\u202Eevil\u0085after", "\u202Eevilafter\u202C")]
    public void Control_characters_are_dropped_a_tab_becomes_a_space_and_line_breaks_stay(string text, string expected)
    {
        // Arrange

        // Act
        var escaped = DiscordMarkdown.Escape(text);

        // Assert
        Assert.Equal(expected, escaped);
    }

    [Fact]
    public void A_right_to_left_override_stays_but_is_closed_at_the_end()
    {
        // Arrange
        var text = "\u202E**evil**";

        // Act
        var escaped = DiscordMarkdown.Escape(text);

        // Assert
        Assert.Equal("\u202E\\*\\*evil\\*\\*\u202C", escaped);
    }

    [Theory]
    [InlineData("\u2067isolate", "\u2067isolate\u2069")]
    [InlineData("\u202Bembedding \u2068first", "\u202Bembedding \u2068first\u2069\u202C")]
    [InlineData("\u202Eclosed\u202C", "\u202Eclosed\u202C")]
    [InlineData("\u202Eline\nnext", "\u202Eline\nnext")]
    public void Open_bidi_embeddings_and_isolates_are_closed_innermost_first(string text, string expected)
    {
        // Arrange

        // Act
        var escaped = DiscordMarkdown.Escape(text);

        // Assert
        Assert.Equal(expected, escaped);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        // Arrange
        var text = "a\uD83Db";

        // Act
        var escaped = DiscordMarkdown.Escape(text);

        // Assert
        Assert.Equal("a\uFFFDb", escaped);
    }

    [Fact]
    public void A_link_is_built_from_an_http_url_with_the_name_escaped()
    {
        // Arrange
        var url = new Uri("https://news.example/a_(b)");

        // Act
        var link = DiscordMarkdown.Link("[Click](https://evil) @everyone", url);

        // Assert
        Assert.Equal("[\\[Click\\]\\(https\\://evil\\) @\u200Beveryone](https://news.example/a_%28b%29)", link);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    public void A_link_that_is_not_http_is_only_its_name(string url)
    {
        // Arrange

        // Act
        var link = DiscordMarkdown.Link("Report", new Uri(url));

        // Assert
        Assert.Equal("Report", link);
    }
}
