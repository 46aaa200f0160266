using System.Net.Http.Headers;
using System.Text.Json;
using BorderAlertBot.Testing.FakeSlack;
using static BorderAlertBot.Slack.Tests.FakeSlack.FakeSlackHarness;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackServerUploadAndWebhookTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];

    [Fact]
    public async Task A_three_step_upload_shares_the_file_with_its_bytes_into_the_thread()
    {
        // Arrange
        await using var slack = await StartAsync();
        var parent = await slack.PostOkAsync("alert");

        // Act
        using var step1 = await slack.CallFormAsync("files.getUploadURLExternal", [new("filename", "chart.png"), new("length", "8"), new("alt_txt", "chart")]);
        var urls = await ReadJsonAsync(step1);
        var fileId = urls.GetProperty("file_id").GetString()!;
        var uploadUrl = new Uri(urls.GetProperty("upload_url").GetString()!);
        using var bytes = new ByteArrayContent(Png);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var step2 = await slack.Http.PostAsync(uploadUrl, bytes);
        using var step3 = await slack.CallFormAsync("files.completeUploadExternal",
        [
            new("files", JsonSerializer.Serialize(new[] { new { id = fileId, title = "CPU" } })),
            new("channel_id", Channel),
            new("initial_comment", "the chart"),
            new("thread_ts", parent),
        ]);

        // Assert
        Assert.Equal(uploadUrl.Host, slack.Server.ApiBaseUrl.Host);
        Assert.Equal(200, (int)step2.StatusCode);
        var done = await ReadJsonAsync(step3);
        Assert.True(done.GetProperty("ok").GetBoolean(), done.ToString());
        Assert.Equal(fileId, done.GetProperty("files")[0].GetProperty("id").GetString());
        var file = Assert.Single(slack.Server.Files);
        Assert.Equal(Png, file.Bytes.ToArray());
        Assert.Equal("CPU", file.Title);
        Assert.Equal("chart", file.AltText);
        var shared = Assert.Single(slack.Server.Replies(Channel, parent));
        Assert.Equal("the chart", shared.Text);
        Assert.Equal(fileId, Assert.Single(shared.Files).Id);
        Assert.Equal(FakeSlackEndpointKind.FileUpload, slack.Server.Received[2].Endpoint);
        Assert.Equal(string.Empty, slack.Server.Received[2].Body);
    }

    [Fact]
    public async Task An_upload_as_multipart_is_accepted_too()
    {
        // Arrange
        await using var slack = await StartAsync();
        using var step1 = await slack.CallFormAsync("files.getUploadURLExternal", [new("filename", "chart.png"), new("length", "8")]);
        var uploadUrl = new Uri((await ReadJsonAsync(step1)).GetProperty("upload_url").GetString()!);
        using var multipart = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "chart.png" } };

        // Act
        using var step2 = await slack.Http.PostAsync(uploadUrl, multipart);

        // Assert
        Assert.Equal(200, (int)step2.StatusCode);
    }

    [Fact]
    public async Task An_upload_of_another_length_than_announced_fails_and_cannot_be_completed()
    {
        // Arrange
        await using var slack = await StartAsync();
        using var step1 = await slack.CallFormAsync("files.getUploadURLExternal", [new("filename", "chart.png"), new("length", "9")]);
        var urls = await ReadJsonAsync(step1);

        // Act
        using var step2 = await slack.Http.PostAsync(new Uri(urls.GetProperty("upload_url").GetString()!), new ByteArrayContent(Png));
        using var step3 = await slack.CallFormAsync("files.completeUploadExternal",
            [new("files", $$"""[{"id":"{{urls.GetProperty("file_id").GetString()}}"}]"""), new("channel_id", Channel)]);

        // Assert
        Assert.Equal(400, (int)step2.StatusCode);
        await AssertErrorAsync(step3, "file_not_found");
        Assert.Empty(slack.Server.Files);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("many")]
    public async Task Get_upload_url_wants_a_positive_length(string length)
    {
        // Arrange
        await using var slack = await StartAsync();

        // Act
        using var response = await slack.CallFormAsync("files.getUploadURLExternal", [new("filename", "chart.png"), new("length", length)]);

        // Assert
        await AssertErrorAsync(response, "invalid_arguments");
    }

    [Fact]
    public async Task A_webhook_post_answers_ok_as_text_and_lands_in_its_channel_without_a_ts()
    {
        // Arrange
        await using var slack = await StartAsync();
        var webhook = slack.Server.AddWebhook(Channel);

        // Act
        using var response = await slack.Http.PostAsync(webhook, Json("""{"text":"hello"}"""));

        // Assert
        Assert.Matches("/services/T0FAKE001/B[0-9]+/[0-9a-f]+$", webhook.AbsolutePath);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var message = Assert.Single(slack.Server.Messages(Channel));
        Assert.Equal(FakeSlackMessageSourceKind.IncomingWebhook, message.Source);
    }

    [Theory]
    [InlineData("""{"text":""}""", "no_text")]
    [InlineData("""{"text":"x",""", "invalid_payload")]
    [InlineData("""{"text":"x","blocks":[{"type":"header","text":{"type":"plain_text","text":""}}]}""", "invalid_payload")]
    public async Task A_bad_webhook_payload_is_400_with_its_text_code(string json, string code)
    {
        // Arrange
        await using var slack = await StartAsync();
        var webhook = slack.Server.AddWebhook(Channel);

        // Act
        using var response = await slack.Http.PostAsync(webhook, Json(json));

        // Assert
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(code, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("channel_not_found", 404)]
    [InlineData("channel_is_archived", 403)]
    [InlineData("action_prohibited", 403)]
    [InlineData("invalid_payload", 400)]
    public async Task A_webhook_error_asked_for_has_the_status_of_its_kind(string code, int status)
    {
        // Arrange
        await using var slack = await StartAsync();
        var webhook = slack.Server.AddWebhook(Channel);
        slack.Server.FailNext(Channel, code);

        // Act
        using var response = await slack.Http.PostAsync(webhook, Json("""{"text":"x"}"""));

        // Assert
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_removed_or_unknown_webhook_is_404_no_service()
    {
        // Arrange
        await using var slack = await StartAsync();
        var webhook = slack.Server.AddWebhook(Channel);
        slack.Server.RemoveWebhook(webhook);

        // Act
        using var response = await slack.Http.PostAsync(webhook, Json("""{"text":"x"}"""));

        // Assert
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("no_service", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_webhook_past_its_burst_gets_429_with_retry_after()
    {
        // Arrange
        await using var slack = await StartAsync(o => o with { WebhookBurst = 1 });
        var webhook = slack.Server.AddWebhook(Channel);
        using var first = await slack.Http.PostAsync(webhook, Json("""{"text":"1"}"""));

        // Act
        using var second = await slack.Http.PostAsync(webhook, Json("""{"text":"2"}"""));

        // Assert
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta);
        Assert.Equal(1, slack.Server.TooManyRequestsByKind[FakeSlackLimitKind.Webhook]);
    }

    [Fact]
    public async Task A_response_url_records_posts_and_posts_in_channel_replies()
    {
        // Arrange
        await using var slack = await StartAsync();
        var url = slack.Server.NewResponseUrl(Channel);

        // Act
        using var ephemeral = await slack.Http.PostAsync(url, Json("""{"response_type":"ephemeral","text":"only you"}"""));
        using var inChannel = await slack.Http.PostAsync(url, Json("""{"response_type":"in_channel","text":"everyone"}"""));

        // Assert
        Assert.Equal(200, (int)ephemeral.StatusCode);
        Assert.Equal(["only you", "everyone"], slack.Server.ResponsePosts.Select(p => p.Text));
        Assert.Equal("everyone", Assert.Single(slack.Server.Messages(Channel)).Text);
    }

    [Fact]
    public async Task A_response_url_works_five_times_and_for_thirty_minutes()
    {
        // Arrange
        await using var slack = await StartAsync();
        var url = slack.Server.NewResponseUrl(Channel);
        var late = slack.Server.NewResponseUrl(Channel);
        for (var i = 0; i < 5; i++)
        {
            using var ok = await slack.Http.PostAsync(url, Json("""{"text":"x"}"""));
            Assert.Equal(200, (int)ok.StatusCode);
        }

        // Act
        using var sixth = await slack.Http.PostAsync(url, Json("""{"text":"x"}"""));
        slack.Time.Advance(TimeSpan.FromMinutes(31));
        using var expired = await slack.Http.PostAsync(late, Json("""{"text":"x"}"""));

        // Assert
        Assert.Equal(404, (int)sixth.StatusCode);
        Assert.Equal(404, (int)expired.StatusCode);
    }

    [Fact]
    public async Task Replace_original_through_a_response_url_edits_the_message_it_came_with()
    {
        // Arrange
        await using var slack = await StartAsync();
        var ts = await slack.PostOkAsync("alert");
        var url = slack.Server.NewResponseUrl(Channel, ts);

        // Act
        using var response = await slack.Http.PostAsync(url, Json("""{"replace_original":true,"text":"muted"}"""));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
        var message = slack.Server.TryGetMessage(Channel, ts)!;
        Assert.Equal("muted", message.Text);
        Assert.Equal(1, message.EditCount);
    }
}
