using BorderAlertBot.Commands;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class CommandTokenizerTests
{
    // Words written as key=value for a key:value pair, or the plain word, joined by '|'.
    [Theory]
    [InlineData("", "")]
    [InlineData("latest clash", "latest|clash")]
    [InlineData("  a \t b\n", "a|b")]
    [InlineData("kind:clash", "kind=clash")]
    [InlineData("KIND:Clash", "kind=Clash")]
    [InlineData("region:\"chin shwe haw\"", "region=chin shwe haw")]
    [InlineData("region:“chin shwe haw”", "region=chin shwe haw")]
    [InlineData("\"air strike\" since:7d", "air strike|since=7d")]
    [InlineData("\"kind:clash\"", "kind:clash")]
    [InlineData("07:30 Asia/Yangon", "07:30|Asia/Yangon")]
    [InlineData("time:07:30", "time=07:30")]
    [InlineData("kind: clash", "kind=clash")]
    [InlineData("kind:\"\" clash", "kind=|clash")]
    [InlineData("a\"b c\"d", "ab cd")]
    [InlineData("min-severity:high verified_only:no", "min-severity=high|verified_only=no")]
    [InlineData(":x 1a:b", ":x|1a:b")]
    [InlineData("\u00a0muse\u3000lashio", "muse|lashio")]
    public void Text_is_split_into_words_and_pairs(string text, string expected)
    {
        // Act
        var ok = CommandTokenizer.TryTokenize(text, out var words, out var error);

        // Assert
        Assert.True(ok, error?.Message);
        Assert.Equal(expected, string.Join('|', words!.Select(word => word.Key is null ? word.Value : $"{word.Key}={word.Value}"))); // Ok, so words.
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("search \"air strike")]
    [InlineData("region:“chin shwe haw")]
    public void An_unclosed_quote_is_an_error(string text)
    {
        // Act
        var ok = CommandTokenizer.TryTokenize(text, out var words, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(words);
        Assert.Equal("input", error!.Option); // Not ok, so an error.
    }
}
