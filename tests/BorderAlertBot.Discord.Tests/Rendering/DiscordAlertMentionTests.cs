using System.Text.Json;
using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Rendering;
using BorderAlertBot.Discord.Wire;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Discord.Tests.Rendering;

public sealed class DiscordAlertMentionTests
{
    [Theory]
    [InlineData("&123456789012345678")]
    [InlineData("role:123456789012345678")]
    [InlineData("<@&123456789012345678>")]
    [InlineData("123456789012345678")]
    [InlineData(" 123456789012345678 ")]
    public void A_role_is_mentioned_and_only_that_role_may_ping(string configured)
    {
        // Arrange
        var message = Message(configured);

        // Act
        var payload = DiscordAlertRenderer.Render(message);

        // Assert
        Assert.Empty(DiscordLimitsCheck.Problems(payload));
        Assert.Equal("<@&123456789012345678>", payload.Content);
        Assert.Empty(payload.AllowedMentions.Parse);
        Assert.Equal(["123456789012345678"], payload.AllowedMentions.Roles!);
        Assert.Null(payload.AllowedMentions.Users);
    }

    [Theory]
    [InlineData("user:900000000000000042")]
    [InlineData("<@900000000000000042>")]
    [InlineData("<@!900000000000000042>")]
    public void A_user_is_mentioned_and_only_that_user_may_ping(string configured)
    {
        // Arrange
        var message = Message(configured);

        // Act
        var payload = DiscordAlertRenderer.Render(message);

        // Assert
        Assert.Equal("<@900000000000000042>", payload.Content);
        Assert.Empty(payload.AllowedMentions.Parse);
        Assert.Equal(["900000000000000042"], payload.AllowedMentions.Users!);
        Assert.Null(payload.AllowedMentions.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("everyone")]
    [InlineData("@everyone")]
    [InlineData("here")]
    [InlineData("@here")]
    [InlineData("<!channel>")]
    [InlineData("role:ops")]
    [InlineData("user:")]
    [InlineData("0")]
    [InlineData("123456789012345678901234")]
    [InlineData("<@&123> @everyone")]
    public void Anything_else_mentions_nobody(string? configured)
    {
        // Arrange
        var message = Message(configured);

        // Act
        var payload = DiscordAlertRenderer.Render(message);

        // Assert
        Assert.Null(payload.Content);
        Assert.Same(AllowedMentions.None, payload.AllowedMentions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("&123456789012345678")]
    [InlineData("user:900000000000000042")]
    public void The_JSON_always_has_allowed_mentions_with_an_empty_parse(string? configured)
    {
        // Arrange
        var payload = DiscordAlertRenderer.Render(Message(configured));

        // Act
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(payload, DiscordWireJsonContext.Default.MessagePayload));

        // Assert
        var allowed = json.RootElement.GetProperty("allowed_mentions");
        Assert.Equal(JsonValueKind.Array, allowed.GetProperty("parse").ValueKind);
        Assert.Equal(0, allowed.GetProperty("parse").GetArrayLength());
        Assert.False(json.RootElement.GetProperty("embeds")[0].TryGetProperty("url", out _));
    }

    [Fact]
    public void The_JSON_of_the_buttons_has_component_types_and_custom_ids()
    {
        // Arrange
        var payload = DiscordAlertRenderer.Render(Message(null));

        // Act
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(payload, DiscordWireJsonContext.Default.MessagePayload));

        // Assert
        var row = json.RootElement.GetProperty("components")[0];
        Assert.Equal(1, row.GetProperty("type").GetInt32());
        var button = row.GetProperty("components")[0];
        Assert.Equal(2, button.GetProperty("type").GetInt32());
        Assert.Equal(2, button.GetProperty("style").GetInt32());
        Assert.Equal("why:evt_json", button.GetProperty("custom_id").GetString());
        Assert.Equal("Why?", button.GetProperty("label").GetString());
    }

    private static AlertMessage Message(string? mention) =>
        new([new AlertEntry(new EventBuilder().WithId("evt_json").Build(), AlertKind.New, [])], mention);
}
