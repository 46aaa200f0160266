using System.Text;
using System.Text.Json;
using System.Web;
using BorderAlertBot.Testing.FakeSlack;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Slack.Tests.FakeSlack;

public sealed class SlackRequestSignerTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    [Fact]
    public void The_signature_matches_slacks_worked_example()
    {
        // Act
        var signature = SlackRequestSigner.ComputeSignature(Secret, "1531420618", Encoding.UTF8.GetBytes(Body));

        // Assert
        Assert.Equal(362, Body.Length);
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature);
    }

    [Fact]
    public void A_signed_request_carries_the_clocks_unix_time_and_the_signature()
    {
        // Arrange
        var signer = new SlackRequestSigner(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)));

        // Act
        using var request = signer.CreateRequest(new Uri("http://127.0.0.1/slack/commands"), Body);

        // Assert
        Assert.Equal("1531420618", request.Headers.GetValues(SlackRequestSigner.TimestampHeader).Single());
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", request.Headers.GetValues(SlackRequestSigner.SignatureHeader).Single());
        Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void A_slash_command_body_by_default_is_the_fact_sheets_example_with_the_text_given()
    {
        // Act
        var body = new SlackSlashCommand { Text = "mute disk-usage 30m" }.ToFormBody();

        // Assert
        Assert.Equal(
            "token=OLDdeprecatedTOKEN&team_id=T0ACME001&team_domain=acme-ops&channel_id=C0ALERTS1&channel_name=prod-alerts&user_id=U0JDOE001&user_name=jdoe&command=%2Falerts&text=mute%20disk-usage%2030m&api_app_id=A0BOT0001&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0ACME001%2F5550001111%2FxYzAbC123&trigger_id=5550001111.4440002222.9f8e7d6c5b4a",
            body);
    }

    [Fact]
    public void A_block_actions_body_is_a_payload_field_holding_the_interaction_json()
    {
        // Act
        var body = new SlackBlockActions { ActionId = "mute_8h", Value = "alert-42", MessageTs = "1767225600.000100" }.ToFormBody();

        // Assert
        Assert.StartsWith("payload=", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(HttpUtility.UrlDecode(body["payload=".Length..]));
        var root = json.RootElement;
        Assert.Equal("block_actions", root.GetProperty("type").GetString());
        Assert.Equal("U0JDOE001", root.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("C0ALERTS1", root.GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal("T0ACME001", root.GetProperty("team").GetProperty("id").GetString());
        Assert.Equal("1767225600.000100", root.GetProperty("container").GetProperty("message_ts").GetString());
        Assert.Equal("mute_8h", root.GetProperty("actions")[0].GetProperty("action_id").GetString());
        Assert.Equal("alert-42", root.GetProperty("actions")[0].GetProperty("value").GetString());
        Assert.StartsWith("https://", root.GetProperty("response_url").GetString(), StringComparison.Ordinal);
    }
}
