using System.Text.Json;
using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerMessageTests
{
    [Fact]
    public async Task A_posted_message_is_kept_with_its_ts_and_returned_with_channel_ts_and_message()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", """{"channel":"C0ALERTS1","text":"[CRITICAL] disk","blocks":[{"type":"divider"}]}""");

        // Assert
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await ReadJsonAsync(response);
        Assert.True(body.GetProperty("ok").GetBoolean());
        Assert.Equal(Channel, body.GetProperty("channel").GetString());
        var ts = body.GetProperty("ts").GetString()!;
        Assert.Equal(ts, body.GetProperty("message").GetProperty("ts").GetString());
        var stored = Assert.Single(slack.Server.Messages(Channel));
        Assert.Equal(ts, stored.Ts);
        Assert.Equal("[CRITICAL] disk", stored.Text);
        Assert.Equal(1, stored.Blocks!.Value.GetArrayLength());
        var logged = Assert.Single(slack.Server.Received);
        Assert.Equal("chat.postMessage", logged.ApiMethod);
        Assert.Equal(slack.Time.GetUtcNow(), logged.ReceivedAt);
        Assert.Equal(200, logged.Status);
        Assert.Null(logged.Error);
    }

    [Fact]
    public async Task A_form_body_carries_blocks_as_a_json_string()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallFormAsync("chat.postMessage", [new("channel", Channel), new("text", "t"), new("blocks", """[{"type":"divider"}]""")]);

        // Assert
        Assert.True((await ReadJsonAsync(response)).GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Array, Assert.Single(slack.Server.Messages(Channel)).Blocks!.Value.ValueKind);
    }

    [Fact]
    public async Task A_message_without_text_or_blocks_is_refused_with_no_text()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", """{"channel":"C0ALERTS1"}""");

        // Assert
        await AssertErrorAsync(response, "no_text");
    }

    [Fact]
    public async Task A_reply_with_thread_ts_is_kept_in_the_parents_thread()
    {
        // Arrange
        await using var slack = await StartAsync();
        var parent = await slack.PostOkAsync("parent");

        // Act
        using var response = await slack.CallAsync("chat.postMessage", $$"""{"channel":"C0ALERTS1","text":"reply","thread_ts":"{{parent}}","reply_broadcast":true}""");

        // Assert
        Assert.True((await ReadJsonAsync(response)).GetProperty("ok").GetBoolean());
        var reply = Assert.Single(slack.Server.Replies(Channel, parent));
        Assert.Equal("reply", reply.Text);
        Assert.True(reply.IsReplyBroadcast);
        Assert.Equal(2, slack.Server.Messages(Channel).Count);
    }

    [Fact]
    public async Task A_reply_to_a_reply_is_refused_with_cannot_reply_to_message()
    {
        // Arrange
        await using var slack = await StartAsync();
        var parent = await slack.PostOkAsync("parent");
        using var first = await slack.CallAsync("chat.postMessage", $$"""{"channel":"C0ALERTS1","text":"r","thread_ts":"{{parent}}"}""");
        var replyTs = (await ReadJsonAsync(first)).GetProperty("ts").GetString();

        // Act
        using var response = await slack.CallAsync("chat.postMessage", $$"""{"channel":"C0ALERTS1","text":"r2","thread_ts":"{{replyTs}}"}""");

        // Assert
        await AssertErrorAsync(response, "cannot_reply_to_message");
    }

    [Fact]
    public async Task An_update_replaces_text_and_blocks_and_counts_the_edit()
    {
        // Arrange
        await using var slack = await StartAsync();
        var ts = await slack.PostOkAsync("firing");

        // Act
        using var response = await slack.CallAsync("chat.update", $$"""{"channel":"C0ALERTS1","ts":"{{ts}}","text":"resolved","blocks":[{"type":"divider"}]}""");

        // Assert
        var body = await ReadJsonAsync(response);
        Assert.True(body.GetProperty("ok").GetBoolean());
        Assert.Equal(ts, body.GetProperty("ts").GetString());
        var message = slack.Server.TryGetMessage(Channel, ts)!;
        Assert.Equal("resolved", message.Text);
        Assert.Equal(1, message.EditCount);
        Assert.NotNull(message.Blocks);
    }

    [Fact]
    public async Task An_update_of_an_unknown_ts_is_refused_with_message_not_found()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallAsync("chat.update", """{"channel":"C0ALERTS1","ts":"1.000001","text":"x"}""");

        // Assert
        await AssertErrorAsync(response, "message_not_found");
    }

    [Fact]
    public async Task Text_over_40000_characters_is_truncated()
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        await slack.PostOkAsync(new string('a', 40_010));

        // Assert
        Assert.Equal(40_000, Assert.Single(slack.Server.Messages(Channel)).Text!.Length);
    }

    [Fact]
    public async Task Users_info_reports_the_configured_admin_flags_and_unknown_users_are_not_found()
    {
        // Arrange
        await using var slack = await StartAsync();
        slack.Server.AddUser(new("U0ADMIN01", IsAdmin: true, IsOwner: false));

        // Act
        using var known = await slack.CallFormAsync("users.info", [new("user", "U0ADMIN01")]);
        using var unknown = await slack.CallFormAsync("users.info", [new("user", "U0NOBODY1")]);

        // Assert
        var user = (await ReadJsonAsync(known)).GetProperty("user");
        Assert.True(user.GetProperty("is_admin").GetBoolean());
        Assert.False(user.GetProperty("is_owner").GetBoolean());
        await AssertErrorAsync(unknown, "user_not_found");
    }
}
