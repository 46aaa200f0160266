using System.Text;
using BorderAlertBot.Slack.Inbound;

namespace BorderAlertBot.Slack.Tests.Inbound;

public sealed class SlackFormTests
{
    // The fact sheet's example slash command (platforms/slack.md §1, example 1).
    private const string Example =
        "token=OLDdeprecatedTOKEN&team_id=T0ACME001&team_domain=acme-ops&channel_id=C0ALERTS1&channel_name=prod-alerts&user_id=U0JDOE001&user_name=jdoe"
        + "&command=%2Falerts&text=mute%20disk-usage%2030m&api_app_id=A0BOT0001&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0ACME001%2F5550001111%2FxYzAbC123"
        + "&trigger_id=5550001111.4440002222.9f8e7d6c5b4a";

    [Fact]
    public void The_fact_sheets_slash_command_reads_as_its_ids_text_and_response_url()
    {
        var command = SlashCommand.From(SlackForm.Parse(Encoding.UTF8.GetBytes(Example)));

        Assert.Equal(
            new SlashCommand("T0ACME001", "C0ALERTS1", "U0JDOE001", "jdoe", "/alerts", "mute disk-usage 30m", "https://hooks.slack.com/commands/T0ACME001/5550001111/xYzAbC123"),
            command);
    }

    [Fact]
    public void Plus_signs_are_spaces_and_escaped_plus_signs_stay_plus_signs()
    {
        var fields = SlackForm.Parse("text=latest+clash+%2B+CN-MM%E2%80%94ok"u8);

        Assert.Equal("latest clash + CN-MM—ok", fields["text"]);
    }

    [Fact]
    public void A_broken_escape_is_kept_as_typed_rather_than_refused()
    {
        var fields = SlackForm.Parse("text=100%25+sure+%ZZ&empty=&flag"u8);

        Assert.Equal("100% sure %ZZ", fields["text"]);
        Assert.Equal(string.Empty, fields["empty"]);
        Assert.Equal(string.Empty, fields["flag"]);
    }

    [Fact]
    public void A_form_without_a_channel_user_or_command_is_not_a_slash_command()
    {
        Assert.Null(SlashCommand.From(SlackForm.Parse("channel_id=C1&user_id=U1"u8)));
        Assert.Null(SlashCommand.From(SlackForm.Parse("command=%2Fborder&user_id=U1"u8)));
    }

    [Fact]
    public void Slacks_certificate_probe_is_recognised()
    {
        Assert.True(SlashCommand.IsSslCheck(SlackForm.Parse("ssl_check=1&token=abc"u8)));
        Assert.False(SlashCommand.IsSslCheck(SlackForm.Parse(Encoding.UTF8.GetBytes(Example))));
    }
}
