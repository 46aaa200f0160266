using BorderAlertBot.Discord.Rendering;

namespace BorderAlertBot.Discord.Tests.Rendering;

public sealed class DiscordTruncationTests
{
    [Theory]
    [InlineData("hello", 10, "hello")]
    [InlineData("hello", 5, "hello")]
    [InlineData("hello world", 5, "hell…")]
    [InlineData("hello world", 7, "hello…")]
    [InlineData("   padded   ", 6, "padded")]
    [InlineData("hello", 1, "…")]
    [InlineData("hello", 0, "")]
    public void Text_is_trimmed_then_cut_to_so_many_code_points_with_an_ellipsis(string text, int max, string expected)
    {
        // Arrange

        // Act
        var truncated = DiscordMarkdown.Truncate(text, max);

        // Assert
        Assert.Equal(expected, truncated);
    }

    [Fact]
    public void Emoji_count_as_one_code_point_each_not_two_UTF16_units()
    {
        // Arrange
        var fourPassports = "🛂🛂🛂🛂";

        // Act
        var whole = DiscordMarkdown.Truncate(fourPassports, 4);
        var cut = DiscordMarkdown.Truncate(fourPassports, 3);

        // Assert
        Assert.Equal(fourPassports, whole);
        Assert.Equal("🛂🛂…", cut);
    }

    [Fact]
    public void A_surrogate_pair_is_never_split_at_any_length()
    {
        // Arrange
        var text = "a🛂b👨‍👩‍👧c😀😀😀 d";

        for (var max = 0; max <= 20; max++)
        {
            // Act
            var truncated = DiscordMarkdown.Truncate(text, max);

            // Assert
            Assert.True(DiscordLimitsCheck.CodePoints(truncated) <= max, $"{max}: {truncated}");
            Assert.DoesNotContain('\uFFFD', truncated);
            Assert.True(truncated.Length == 0 || !char.IsHighSurrogate(truncated[^1]), $"{max} ends in half a pair");
        }
    }

    [Fact]
    public void Literal_text_fits_its_limit_with_the_bidi_closers()
    {
        // Arrange
        var text = "\u202E" + new string('*', 40);

        // Act
        var literal = DiscordMarkdown.Literal(text, 20);

        // Assert
        Assert.True(DiscordLimitsCheck.CodePoints(literal) <= 20);
        Assert.EndsWith("…\u202C", literal);
        Assert.StartsWith("\u202E\\*\\*", literal);
    }

    [Fact]
    public void Discord_counts_code_points_after_trimming()
    {
        // Arrange
        var text = "  🛂 ok\n";

        // Act
        var length = DiscordLimits.Length(text);

        // Assert
        Assert.Equal(4, length);
    }
}
