using System.Text.Json;
using static BorderAlertBot.Discord.Tests.FakeDiscord.FakeDiscordHarness;

namespace BorderAlertBot.Discord.Tests.FakeDiscord;

public sealed class FakeDiscordServerCommandTests
{
    private const string Guild = "1100000000000000001";

    private const string Alerts = """
        [{"name":"alerts","description":"Manage alerts","options":[
           {"type":1,"name":"subscribe","description":"Subscribe a channel","options":[
              {"type":7,"name":"channel","description":"Where to post","required":true},
              {"type":10,"name":"threshold","description":"Minimum severity"}]},
           {"type":1,"name":"list","description":"List subscriptions"}]},
         {"name":"why","description":"Why was this sent?","options":[
           {"type":3,"name":"kind","description":"Kind","choices":[{"name":"Shelling","value":"shelling"}]}]}]
        """;

    [Fact]
    public async Task A_bulk_overwrite_stores_the_commands_with_ids_and_lists_them()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var put = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/commands", Alerts);
        using var get = await discord.BotAsync(HttpMethod.Get, $"applications/{AppId}/commands");

        // Assert
        Assert.Equal(200, (int)put.StatusCode);
        var stored = await ReadJsonAsync(put);
        Assert.Equal(2, stored.GetArrayLength());
        Assert.All(stored.EnumerateArray(), command => Assert.True(ulong.TryParse(command.GetProperty("id").GetString(), out _)));
        Assert.Equal(AppId, stored[0].GetProperty("application_id").GetString());
        Assert.Equal(stored.GetRawText(), (await ReadJsonAsync(get)).GetRawText());
        Assert.Equal(2, discord.Server.Commands().Count);
        Assert.Equal(1, discord.Server.CommandRegistrations());
        Assert.Equal(0, discord.Server.CommandRegistrations(Guild));
    }

    [Fact]
    public async Task A_second_overwrite_keeps_the_id_of_a_command_it_keeps_and_drops_the_rest()
    {
        // Arrange
        await using var discord = await StartAsync();
        using var first = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/commands", Alerts);
        var alertsId = (await ReadJsonAsync(first))[0].GetProperty("id").GetString();

        // Act
        using var second = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/commands", """[{"name":"alerts","description":"Alerts, renamed"}]""");

        // Assert
        var command = Assert.Single(discord.Server.Commands());
        Assert.Equal(alertsId, command.GetProperty("id").GetString());
        Assert.Equal(2, discord.Server.CommandRegistrations());
    }

    [Fact]
    public async Task Guild_commands_are_kept_apart_from_global_ones()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var put = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/guilds/{Guild}/commands", Alerts);

        // Assert
        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal(Guild, (await ReadJsonAsync(put))[0].GetProperty("guild_id").GetString());
        Assert.Equal(2, discord.Server.Commands(Guild).Count);
        Assert.Empty(discord.Server.Commands());
        Assert.Equal(1, discord.Server.CommandRegistrations(Guild));
    }

    [Fact]
    public async Task Another_applications_commands_are_refused()
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.BotAsync(HttpMethod.Put, "applications/1300000000000000999/commands", Alerts);

        // Assert
        await AssertErrorAsync(response, 403, 20012);
    }

    [Theory]
    [InlineData("""[{"name":"Alerts","description":"d"}]""", "0.name")]
    [InlineData("""[{"name":"my alerts","description":"d"}]""", "0.name")]
    [InlineData("""[{"name":"abcdefghijklmnopqrstuvwxyzabcdefg","description":"d"}]""", "0.name")]
    [InlineData("""[{"name":"alerts","description":""}]""", "0.description")]
    [InlineData("""[{"name":"alerts"}]""", "0.description")]
    [InlineData("""[{"name":"alerts","description":"d"},{"name":"alerts","description":"e"}]""", "1.name")]
    [InlineData("""[{"name":"alerts","description":"d","options":[{"type":3,"name":"Kind","description":"d"}]}]""", "0.options.0.name")]
    [InlineData("""[{"name":"alerts","description":"d","options":[{"type":3,"name":"kind","description":""}]}]""", "0.options.0.description")]
    [InlineData("""[{"name":"alerts","description":"d","options":[{"type":3,"name":"a","description":"d"},{"type":3,"name":"b","description":"d","required":true}]}]""", "0.options.1.required")]
    [InlineData("""[{"name":"alerts","description":"d","options":[{"type":3,"name":"a","description":"d","autocomplete":true,"choices":[{"name":"x","value":"x"}]}]}]""", "0.options.0.autocomplete")]
    [InlineData("""[{"name":"alerts","description":"d","options":[{"type":5,"name":"a","description":"d","choices":[{"name":"x","value":"x"}]}]}]""", "0.options.0.choices")]
    [InlineData("""[{"name":"alerts","description":"d","options":[{"type":1,"name":"a","description":"d"},{"type":3,"name":"b","description":"d"}]}]""", "0.options")]
    [InlineData("""{"name":"alerts","description":"d"}""", "")]
    public async Task A_command_that_breaks_discords_rules_is_refused_with_50035_naming_the_field(string commands, string errorPath)
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/guilds/{Guild}/commands", commands);

        // Assert
        await AssertInvalidFormBodyAsync(response, errorPath);
        Assert.Empty(discord.Server.Commands(Guild));
        Assert.Equal(0, discord.Server.CommandRegistrations(Guild));
    }

    [Fact]
    public async Task More_than_25_options_at_one_level_is_refused()
    {
        // Arrange
        await using var discord = await StartAsync();
        var options = Enumerable.Range(0, 26).Select(i => new { type = 3, name = $"o{i}", description = "d" });

        // Act
        using var response = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/commands",
            JsonSerializer.Serialize(new[] { new { name = "alerts", description = "d", options } }));

        // Assert
        Assert.Equal("BASE_TYPE_MAX_LENGTH", await AssertInvalidFormBodyAsync(response, "0.options"));
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    public async Task A_command_over_8000_characters_in_all_is_refused(int optionsWithFullChoices, int status)
    {
        // Arrange
        await using var discord = await StartAsync();
        var choices = Enumerable.Range(0, 25).Select(i => new { name = $"{i:D2}" + new string('n', 98), value = $"{i:D2}" + new string('v', 98) }).ToArray();
        var options = Enumerable.Range(0, optionsWithFullChoices).Select(i => new { type = 3, name = $"o{i}", description = "d", choices });

        // Act
        using var response = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/commands",
            JsonSerializer.Serialize(new[] { new { name = "alerts", description = "d", options } }));

        // Assert
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 400)
        {
            Assert.Equal("APPLICATION_COMMAND_TOO_LARGE", await AssertInvalidFormBodyAsync(response, "0"));
        }
    }

    [Theory]
    [InlineData("नमस्ते")]
    [InlineData("สวัสดี")]
    [InlineData("grenzübergang")]
    [InlineData("don't-stop_2")]
    public async Task Names_in_any_script_with_dashes_underscores_and_apostrophes_are_accepted(string name)
    {
        // Arrange
        await using var discord = await StartAsync();

        // Act
        using var response = await discord.BotAsync(HttpMethod.Put, $"applications/{AppId}/commands",
            JsonSerializer.Serialize(new[] { new { name, description = "d" } }));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
    }
}
