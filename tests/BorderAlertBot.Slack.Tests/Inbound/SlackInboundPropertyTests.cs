using System.Text;
using BorderAlertBot.Slack.Inbound;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Slack.Tests.Inbound;

/// <summary>
/// What a signed Slack request is read with, against generated hostile bodies (FsCheck): the form parser, the slash
/// command and the interactivity payload (a button press). None throws; what they read is complete or nothing (the
/// endpoint's 400). A short run in the suite; <c>BORDERALERTBOT_LONG_FUZZ=1</c> runs 100,000 cases.
/// </summary>
public sealed class SlackInboundPropertyTests
{
    private static readonly string[] FormPieces =
    [
        "token=", "team_id=", "T0ACME001", "channel_id=", "C0ALERTS1", "user_id=", "U0JDOE001", "user_name=", "command=", "%2Fborder",
        "text=", "latest%20clash", "response_url=", "https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT%2F1%2Fx", "ssl_check=1", "payload=",
        "&", "=", "%", "%2", "%ZZ", "%00", "%C3%A9", "%F0%9F%98%80", "%ED%A0%80", "+", ";", "&&", "==",
    ];

    private static readonly string[] PayloadPieces =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "0", "true", "\"type\"", "\"block_actions\"", "\"team\"", "\"channel\"", "\"user\"",
        "\"id\"", "\"name\"", "\"actions\"", "\"action_id\"", "\"value\"", "\"why\"", "\"mute\"", "\"container\"", "\"message_ts\"",
        "\"response_url\"", "\"https://hooks.slack.com/actions/T/1/x\"", "\"\\u0000\"", "\"\\ud800\"", "1e999",
    ];

    private const string ValidPayload = """
        {"type":"block_actions","team":{"id":"T0ACME001"},"channel":{"id":"C0ALERTS1"},"user":{"id":"U0JDOE001","name":"jdoe"},
         "container":{"message_ts":"1767225600.000100"},"response_url":"https://hooks.slack.com/actions/T/1/x",
         "actions":[{"action_id":"why","value":"evt_x"}]}
        """;

    [Fact]
    public void Any_form_body_is_read_without_throwing_and_a_command_is_read_only_when_it_is_whole()
    {
        var bodies = Gen.Frequency((8, HostileText.Of(FormPieces, "", "&")), (2, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(bytes => Encoding.Latin1.GetString(bytes))));
        var property = Prop.ForAll(bodies.ToArbitrary(), body =>
        {
            var fields = SlackForm.Parse(Encoding.UTF8.GetBytes(body));
            var command = SlashCommand.From(fields);
            _ = SlashCommand.IsSslCheck(fields);
            Assert.True(command is null || (command.ChannelId.Length > 0 && command.UserId.Length > 0 && command.Command.Length > 0));
        });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases()).WithQuietOnSuccess(true));
    }

    [Fact]
    public void Any_interactivity_payload_is_either_not_json_or_read_without_throwing_lone_surrogates_included()
    {
        var payloads = Gen.OneOf(
            HostileText.Of(PayloadPieces, "", " "),
            Gen.Elements("\"team\"", "\"channel\"", "\"user\"", "\"actions\"", "\"container\"", "\"type\"", "\"value\"")
                .SelectMany(key => HostileText.Of(PayloadPieces).Select(value => Swap(key, value))));
        var property = Prop.ForAll(payloads.ToArbitrary(), payload =>
        {
            if (!InteractivityPayload.TryParse(payload, out var root))
            {
                return; // The endpoint answers 400.
            }

            var action = BlockAction.From(root);
            Assert.True(action is null || (action.ChannelId.Length > 0 && action.UserId.Length > 0 && action.ActionId.Length > 0));
        });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases()).WithQuietOnSuccess(true));
    }

    /// <summary>The valid payload with the value after <paramref name="key"/> replaced (up to the next comma or brace).</summary>
    private static string Swap(string key, string value)
    {
        var at = ValidPayload.IndexOf(key + ":", StringComparison.Ordinal);
        var start = at + key.Length + 1;
        var end = ValidPayload.IndexOfAny([',', '}'], start);
        return ValidPayload[..start] + value + ValidPayload[end..];
    }
}
