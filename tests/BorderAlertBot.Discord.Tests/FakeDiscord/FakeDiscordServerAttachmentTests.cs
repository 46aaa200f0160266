using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerAttachmentTests
{
    private const string Channel = "1200000000000000030";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_multipart_message_with_a_png_shown_in_its_embed_is_stored_with_the_file()
    {
        // Arrange
        await using var discord = await StartAsync();
        var payload = """
            {"content":"CPU alert","allowed_mentions":{"parse":[]},
             "embeds":[{"title":"CPU > 90%","image":{"url":"attachment://chart.png"}}],
             "attachments":[{"id":0,"filename":"chart.png","description":"CPU usage, last hour"}]}
            """;

        // Act
        using var response = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages", Multipart(payload, ("chart.png", Png))));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
        var attachment = (await ReadJsonAsync(response)).GetProperty("attachments")[0];
        Assert.Equal("chart.png", attachment.GetProperty("filename").GetString());
        Assert.Equal(Png.Length, attachment.GetProperty("size").GetInt32());
        Assert.True(ulong.TryParse(attachment.GetProperty("id").GetString(), out _));
        var stored = Assert.Single(Assert.Single(discord.Server.Messages(Channel)).Attachments);
        Assert.Equal(("chart.png", "CPU usage, last hour"), (stored.FileName, stored.Description));
        Assert.Equal(Png, stored.Content.ToArray());
        var file = Assert.Single(Assert.Single(discord.Server.Received).Files);
        Assert.Equal(("files[0]", "chart.png", "image/png", 0), (file.Name, file.FileName, file.ContentType, file.Index));
    }

    [Fact]
    public async Task An_attachment_entry_without_a_matching_file_part_is_refused_with_50035()
    {
        // Arrange
        await using var discord = await StartAsync();
        var payload = """{"content":"x","attachments":[{"id":1,"filename":"chart.png"}]}""";

        // Act
        using var response = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages", Multipart(payload, ("chart.png", Png))));

        // Assert
        await AssertInvalidFormBodyAsync(response, "attachments.0.id");
        Assert.Empty(discord.Server.Messages(Channel));
    }

    [Fact]
    public async Task An_embed_image_naming_a_file_that_was_not_uploaded_is_refused_with_50035()
    {
        // Arrange
        await using var discord = await StartAsync();
        var payload = """{"embeds":[{"title":"t","image":{"url":"attachment://other.png"}}],"attachments":[{"id":0}]}""";

        // Act
        using var response = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages", Multipart(payload, ("chart.png", Png))));

        // Assert
        await AssertInvalidFormBodyAsync(response, "embeds.0.image.url");
    }

    [Fact]
    public async Task An_edit_keeps_only_the_attachments_it_lists_and_adds_new_uploads()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var created = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages",
            Multipart("""{"content":"two charts","attachments":[{"id":0},{"id":1}]}""", ("a.png", Png), ("b.png", Png))));
        var body = await ReadJsonAsync(created);
        var messageId = body.GetProperty("id").GetString();
        var keep = body.GetProperty("attachments")[1].GetProperty("id").GetString();

        // Act
        using var edited = await discord.SendAsync(discord.BotRequest(HttpMethod.Patch, $"channels/{Channel}/messages/{messageId}",
            Multipart($$"""{"attachments":[{"id":"{{keep}}"},{"id":0}]}""", ("c.png", Png))));

        // Assert
        Assert.Equal(200, (int)edited.StatusCode);
        var names = Assert.Single(discord.Server.Messages(Channel)).Attachments.Select(attachment => attachment.FileName);
        Assert.Equal(["b.png", "c.png"], names);
    }

    [Fact]
    public async Task An_edit_without_an_attachments_list_keeps_every_attachment()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var created = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages",
            Multipart("""{"content":"chart"}""", ("a.png", Png))));
        var messageId = (await ReadJsonAsync(created)).GetProperty("id").GetString();

        // Act
        using var edited = await discord.BotAsync(HttpMethod.Patch, $"channels/{Channel}/messages/{messageId}", """{"content":"same chart"}""");

        // Assert
        Assert.Equal(200, (int)edited.StatusCode);
        Assert.Single(Assert.Single(discord.Server.Messages(Channel)).Attachments);
    }

    [Fact]
    public async Task A_file_part_alone_is_a_message_worth_sending()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.SendAsync(discord.BotRequest(HttpMethod.Post, $"channels/{Channel}/messages", Multipart("{}", ("a.png", Png))));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
    }
}
