using System.Net;
using System.Text;
using System.Text.Json;
using BorderAlertBot.Abstractions;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.FakeSlack;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Slack;

/// <summary><c>/border</c> and the alert buttons through the Slack Request URLs, answered by the core and rendered as Block Kit.</summary>
public sealed class SlackCommandTests : IDisposable
{
    private static readonly DeliveryTarget Channel = new(TargetKind.SlackChannel, SlackBot.ChannelId);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Help_is_answered_at_once_and_only_the_caller_sees_it()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);

        var (status, body) = await slack.PostCommandAsync(slack.Command("help", SlackBot.MemberId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ephemeral", body!.Value.GetProperty("response_type").GetString());
        Assert.Contains("latest", Text(body.Value), StringComparison.Ordinal);
        Assert.True(body.Value.GetProperty("blocks").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_bad_region_is_named_privately_with_what_was_probably_meant()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);

        var (status, body) = await slack.PostCommandAsync(slack.Command("latest region:myanmar-china", SlackBot.MemberId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ephemeral", body!.Value.GetProperty("response_type").GetString());
        Assert.Contains("CN-MM", Text(body.Value), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_answers_in_the_channel_with_the_newest_events_and_their_links()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, withSample: true);
        slack.Bot.StartServer();
        await slack.Bot.WaitUntilDeliveredAsync(Patience);

        var (status, body) = await slack.PostCommandAsync(slack.Command("latest clash CN-MM 3", SlackBot.MemberId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("in_channel", body!.Value.GetProperty("response_type").GetString());
        var text = Text(body.Value);
        Assert.Contains("evt_laukkai_surrender_2024", text, StringComparison.Ordinal);
        Assert.Contains("<https://", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_admin_subscribes_the_channel_for_everyone_to_see()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);

        var (status, body) = await slack.PostCommandAsync(slack.Command("subscribe kinds:clash regions:CN-MM"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("in_channel", body!.Value.GetProperty("response_type").GetString());
        Assert.Contains("Subscribed this channel", Text(body.Value), StringComparison.Ordinal);
        var stored = Assert.Single(await ChannelSubscriptionsAsync(slack));
        Assert.Equal(Channel, stored.Target);
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_is_refused_privately_and_nothing_changes()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);

        var (status, body) = await slack.PostCommandAsync(slack.Command("subscribe kinds:clash regions:CN-MM", SlackBot.MemberId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ephemeral", body!.Value.GetProperty("response_type").GetString());
        Assert.Contains("workspace admin", Text(body.Value), StringComparison.Ordinal);
        Assert.Empty(await ChannelSubscriptionsAsync(slack));
    }

    [Fact]
    public async Task Configured_admin_ids_decide_alone_who_may_change_a_channel()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, settings: settings => settings["Slack:AdminUserIds:0"] = SlackBot.MemberId);

        var (_, byMember) = await slack.PostCommandAsync(slack.Command("subscribe kinds:clash", SlackBot.MemberId));
        var (_, byWorkspaceAdmin) = await slack.PostCommandAsync(slack.Command("subscribe kinds:trade", SlackBot.AdminId));

        Assert.Equal("in_channel", byMember!.Value.GetProperty("response_type").GetString());
        Assert.Equal("ephemeral", byWorkspaceAdmin!.Value.GetProperty("response_type").GetString());
        Assert.Single(await ChannelSubscriptionsAsync(slack));
    }

    [Fact]
    public async Task A_summary_with_its_chart_is_acknowledged_then_answered_through_the_response_url_with_the_chart_uploaded()
    {
        // Arrange
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, withSample: true);
        slack.Bot.StartServer();
        await slack.Bot.WaitUntilDeliveredAsync(Patience);

        // Act
        var (status, body) = await slack.PostCommandAsync(slack.Command("summary 90d", SlackBot.MemberId));
        await slack.Fake.WhenAsync(fake => fake.Files.Count > 0, CancellationToken.None).WaitAsync(Patience);

        // Assert: the acknowledgement shows the command in the channel; the answer and the chart follow.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("in_channel", body!.Value.GetProperty("response_type").GetString());
        Assert.False(body.Value.TryGetProperty("blocks", out _));
        var answer = Assert.Single(slack.Fake.ResponsePosts);
        Assert.Equal("in_channel", answer.ResponseType);
        Assert.Contains("Border clash", Text(answer.Body), StringComparison.Ordinal);
        var chart = Assert.Single(slack.Fake.Files);
        Assert.Contains(SlackBot.ChannelId, chart.Channels);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Bytes[..4].ToArray());
        Assert.Equal(0, slack.Fake.TooManyRequestsSent);
    }

    [Fact]
    public async Task The_why_button_is_acknowledged_at_once_and_explained_only_to_whoever_pressed_it()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, withSample: true);

        var (status, body) = await slack.PostButtonAsync(slack.Button("why", "evt_laukkai_surrender_2024", "1767225600.000100"));
        await slack.Fake.WhenAsync(fake => fake.ResponsePosts.Count > 0, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body);
        var answer = Assert.Single(slack.Fake.ResponsePosts);
        Assert.Equal("ephemeral", answer.ResponseType);
        Assert.False(answer.Body.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Why: Junta command in Laukkai surrenders", Text(answer.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_8h_from_a_member_who_is_not_an_admin_is_refused_and_the_channel_stays_unmuted()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);
        await slack.PostCommandAsync(slack.Command("subscribe kinds:clash"));

        await slack.PostButtonAsync(slack.Button("mute", "8h", "1767225600.000100", SlackBot.MemberId));
        await slack.Fake.WhenAsync(fake => fake.ResponsePosts.Count > 0, CancellationToken.None).WaitAsync(Patience);

        Assert.Contains("workspace admin", Text(Assert.Single(slack.Fake.ResponsePosts).Body), StringComparison.Ordinal);
        var stored = Assert.Single(await ChannelSubscriptionsAsync(slack));
        Assert.Null(stored.MutedUntil);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("stale")]
    [InlineData("unsigned")]
    public async Task A_request_that_fails_verification_gets_401_and_nothing_runs(string how)
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);
        var body = slack.Command("subscribe kinds:clash").ToFormBody();
        var stale = (slack.Bot.Time.GetUtcNow() - TimeSpan.FromMinutes(6)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (status, answer) = how switch
        {
            "forged" => await PostForgedAsync(slack, body),
            "stale" => await slack.PostAsync("/slack/commands", body, timestamp: stale),
            _ => await slack.PostAsync("/slack/commands", body, sign: false),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(answer);
        Assert.Empty(await ChannelSubscriptionsAsync(slack));
    }

    [Fact]
    public async Task Slacks_certificate_probe_gets_an_empty_200()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);

        var (status, body) = await slack.PostAsync("/slack/commands", "ssl_check=1&token=OLDdeprecatedTOKEN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body);
    }

    [Fact]
    public async Task A_body_over_64_kilobytes_is_refused_with_413()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath);

        var (status, _) = await slack.PostAsync("/slack/commands", "text=" + new string('a', 70_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_request_urls_do_not_exist()
    {
        await using var slack = await SlackBot.StartAsync(_data.DatabasePath, settings: settings => settings["Slack:SigningSecret"] = string.Empty);

        var (status, _) = await slack.PostCommandAsync(slack.Command("help"));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    /// <summary>The test channel's subscriptions (the console's default subscription aside).</summary>
    private static async Task<List<Subscription>> ChannelSubscriptionsAsync(SlackBot slack) =>
        [.. (await slack.Bot.Services.GetRequiredService<ISubscriptionStore>().ListAsync(CancellationToken.None)).Where(subscription => subscription.Target == Channel)];

    /// <summary>Signed for one body, sent with another.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement? Body)> PostForgedAsync(SlackBot slack, string body)
    {
        var timestamp = slack.Signer.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body.Replace("kinds%3Aclash", "kinds%3Atrade", StringComparison.Ordinal), Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(SlackRequestSigner.FormContentType);
        slack.Signer.Sign(request, Encoding.UTF8.GetBytes(body), timestamp);
        using var response = await slack.Client.SendAsync(request);
        return (response.StatusCode, null);
    }

    /// <summary>
    /// Every text in a Slack message (top-level text and every block's texts and fields), as one string, as a reader
    /// sees it: without the zero-width spaces that keep source text from styling.
    /// </summary>
    public static string Text(JsonElement message)
    {
        var builder = new StringBuilder();
        Collect(message, builder);
        return builder.Replace("\u200B", string.Empty).ToString();
    }

    private static void Collect(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        builder.Append(property.Value.GetString()).Append('\n');
                    }
                    else
                    {
                        Collect(property.Value, builder);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, builder);
                }

                break;
        }
    }
}
