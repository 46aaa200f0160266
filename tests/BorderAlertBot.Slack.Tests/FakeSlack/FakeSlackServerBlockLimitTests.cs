using System.Text.Json;
using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerBlockLimitTests
{
    public static TheoryData<string, string> TooLarge => new()
    {
        { Repeat("""{"type":"divider"}""", 51), "/blocks]" },
        { $$$"""[{"type":"header","text":{"type":"plain_text","text":"{{{new string('h', 151)}}}"}}]""", "/blocks/0/text/text" },
        { """[{"type":"header","text":{"type":"mrkdwn","text":"h"}}]""", "/blocks/0/text/type" },
        { $$$"""[{"type":"section","text":{"type":"mrkdwn","text":"{{{new string('s', 3001)}}}"}}]""", "/blocks/0/text/text" },
        { """[{"type":"section","text":{"type":"mrkdwn","text":""}}]""", "/blocks/0/text/text" },
        { "[{\"type\":\"section\",\"fields\":" + Repeat("""{"type":"mrkdwn","text":"f"}""", 11) + "}]", "/blocks/0/fields]" },
        { $$$"""[{"type":"section","fields":[{"type":"mrkdwn","text":"{{{new string('f', 2001)}}}"}]}]""", "/blocks/0/fields/0/text" },
        { "[{\"type\":\"context\",\"elements\":" + Repeat("""{"type":"mrkdwn","text":"c"}""", 11) + "}]", "/blocks/0/elements]" },
        { "[{\"type\":\"actions\",\"elements\":" + Repeat("""{"type":"button","text":{"type":"plain_text","text":"b"},"action_id":"a"}""", 26) + "}]", "/blocks/0/elements]" },
        { $$$"""[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"{{{new string('b', 76)}}}"},"action_id":"a"}]}]""", "/blocks/0/elements/0/text/text" },
        { $$$"""[{"type":"divider","block_id":"{{{new string('i', 256)}}}"}]""", "/blocks/0/block_id" },
        { """[{"type":"image","image_url":"https://x.y/a.png"}]""", "/blocks/0/alt_text" },
        { """[{"type":"carousel"}]""", "/blocks/0/type" },
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task Blocks_beyond_a_limit_are_refused_with_invalid_blocks_naming_the_pointer(string blocks, string pointer)
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", $$"""{"channel":"C0ALERTS1","text":"fallback","blocks":{{blocks}}}""");

        // Assert
        var body = await AssertErrorAsync(response, "invalid_blocks");
        var messages = body.GetProperty("response_metadata").GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Contains(messages, m => m.Contains("[json-pointer:" + pointer.TrimEnd(']'), StringComparison.Ordinal));
        Assert.Empty(slack.Server.Messages(Channel));
        Assert.Equal("invalid_blocks", Assert.Single(slack.Server.Received).Error);
    }

    [Fact]
    public async Task Blocks_exactly_at_every_limit_are_accepted()
    {
        // Arrange
        await using var slack = await StartAsync();
        var blocks = new List<string>
        {
            $$$"""{"type":"header","text":{"type":"plain_text","text":"{{{new string('h', 150)}}}"}}""",
            $$$"""{"type":"section","text":{"type":"mrkdwn","text":"{{{new string('s', 3000)}}}"}}""",
            "{\"type\":\"section\",\"fields\":" + Repeat($$$"""{"type":"mrkdwn","text":"{{{new string('f', 2000)}}}"}""", 10) + "}",
            "{\"type\":\"context\",\"elements\":" + Repeat("""{"type":"mrkdwn","text":"c"}""", 10) + "}",
            "{\"type\":\"actions\",\"elements\":" + Repeat($$$"""{"type":"button","text":{"type":"plain_text","text":"{{{new string('b', 75)}}}"},"action_id":"a"}""", 25) + "}",
        };
        blocks.AddRange(Enumerable.Repeat("""{"type":"divider"}""", 50 - blocks.Count));

        // Act
        using var response = await slack.CallAsync("chat.postMessage", JsonSerializer.Serialize(new { channel = Channel, text = "t" })[..^1] + ",\"blocks\":[" + string.Join(',', blocks) + "]}");

        // Assert
        Assert.True((await ReadJsonAsync(response)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Blocks_that_are_not_json_in_a_form_body_are_invalid_blocks_format()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallFormAsync("chat.postMessage", [new("channel", Channel), new("blocks", "[{not json")]);

        // Assert
        await AssertErrorAsync(response, "invalid_blocks_format");
    }

    [Fact]
    public async Task An_update_is_held_to_the_same_block_limits()
    {
        // Arrange
        await using var slack = await StartAsync();
        var ts = await slack.PostOkAsync("x");

        // Act
        using var response = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","blocks":{{Repeat("""{"type":"divider"}""", 51)}}}""");

        // Assert
        await AssertErrorAsync(response, "invalid_blocks");
    }

    private static string Repeat(string item, int count) => "[" + string.Join(',', Enumerable.Repeat(item, count)) + "]";
}
