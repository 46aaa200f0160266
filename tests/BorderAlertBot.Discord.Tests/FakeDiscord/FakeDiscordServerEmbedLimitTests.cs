using System.Text.Json;
using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerEmbedLimitTests
{
    private const string Channel = "1200000000000000040";

    [Theory]
    [InlineData("title", 256, null)]
    [InlineData("title", 257, "embeds.0.title")]
    [InlineData("description", 4096, null)]
    [InlineData("description", 4097, "embeds.0.description")]
    [InlineData("field.name", 256, null)]
    [InlineData("field.name", 257, "embeds.0.fields.0.name")]
    [InlineData("field.value", 1024, null)]
    [InlineData("field.value", 1025, "embeds.0.fields.0.value")]
    [InlineData("footer.text", 2048, null)]
    [InlineData("footer.text", 2049, "embeds.0.footer.text")]
    [InlineData("author.name", 256, null)]
    [InlineData("author.name", 257, "embeds.0.author.name")]
    [InlineData("fields", 25, null)]
    [InlineData("fields", 26, "embeds.0.fields")]
    [InlineData("embeds", 10, null)]
    [InlineData("embeds", 11, "embeds")]
    [InlineData("total", 6000, null)]
    [InlineData("total", 6001, "embeds")]
    public async Task An_embed_at_a_limit_is_accepted_and_one_over_is_refused_naming_the_field(string part, int size, string? errorPath)
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, JsonSerializer.Serialize(new { embeds = Embeds(part, size) }));

        // Assert
        if (errorPath is null)
        {
            Assert.Equal(200, (int)response.StatusCode);
        }
        else
        {
            await AssertInvalidFormBodyAsync(response, errorPath);
            Assert.Empty(discord.Server.Messages(Channel));
        }
    }

    [Fact]
    public async Task Whitespace_around_embed_text_is_trimmed_before_counting_and_code_points_are_counted()
    {
        // Arrange
        await using var discord = await StartAsync();
        var title = "   " + string.Concat(Enumerable.Repeat("🛂", 256)) + "\n\t ";

        // Act
        using var response = await discord.PostMessageAsync(Channel, JsonSerializer.Serialize(new { embeds = new[] { new { title } } }));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("""[{"fields":[{"name":"","value":"v"}]}]""", "embeds.0.fields.0.name")]
    [InlineData("""[{"fields":[{"name":"n"}]}]""", "embeds.0.fields.0.value")]
    [InlineData("""[{"fields":[{"name":"n","value":"   "}]}]""", "embeds.0.fields.0.value")]
    [InlineData("""[{"footer":{"icon_url":"https://example.org/i.png"}}]""", "embeds.0.footer.text")]
    [InlineData("""[{"title":"t","color":16777216}]""", "embeds.0.color")]
    public async Task Required_embed_parts_must_be_present_and_not_blank_and_colors_must_be_rgb(string embeds, string errorPath)
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.PostMessageAsync(Channel, $$"""{"embeds":{{embeds}}}""");

        // Assert
        await AssertInvalidFormBodyAsync(response, errorPath);
    }

    private static object[] Embeds(string part, int size)
    {
        var text = new string('x', size);
        return part switch
        {
            "title" => [new { title = text }],
            "description" => [new { description = text }],
            "field.name" => [new { fields = new[] { new { name = text, value = "v" } } }],
            "field.value" => [new { fields = new[] { new { name = "n", value = text } } }],
            "footer.text" => [new { footer = new { text } }],
            "author.name" => [new { author = new { name = text } }],
            "fields" => [new { fields = Enumerable.Repeat(new { name = "n", value = "v" }, size).ToArray() }],
            "embeds" => [.. Enumerable.Repeat<object>(new { title = "t" }, size)],
            _ => [new { description = new string('x', 4000) }, new { description = new string('x', size - 4000) }],
        };
    }
}
