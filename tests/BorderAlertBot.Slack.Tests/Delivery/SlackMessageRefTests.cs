using BorderAlertBot.Slack.Delivery;

namespace BorderAlertBot.Slack.Tests.Delivery;

public sealed class SlackMessageRefTests
{
    [Fact]
    public void A_message_in_the_targets_channel_is_written_as_its_ts_alone()
    {
        Assert.Equal("1503435956.000247", new SlackMessageRef("C0ALERTS1", "1503435956.000247").Format("C0ALERTS1"));
    }

    [Fact]
    public void A_message_in_another_channel_keeps_its_channel()
    {
        // A user id as the target posts to the DM channel Slack answers with.
        var written = new SlackMessageRef("D0DIRECT1", "1503435956.000247").Format("U0JDOE001");

        Assert.True(SlackMessageRef.TryParse(written, "U0JDOE001", out var parsed));
        Assert.Equal(new SlackMessageRef("D0DIRECT1", "1503435956.000247"), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("webhook:key")]
    [InlineData("C0ALERTS1/")]
    [InlineData("1503435956.000247; DROP")]
    public void Anything_else_is_no_message_ref(string text)
    {
        Assert.False(SlackMessageRef.TryParse(text, "C0ALERTS1", out _));
    }
}
