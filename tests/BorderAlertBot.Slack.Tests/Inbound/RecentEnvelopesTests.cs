using BorderAlertBot.Slack.SocketMode;

namespace BorderAlertBot.Slack.Tests.Inbound;

public sealed class RecentEnvelopesTests
{
    [Fact]
    public void An_envelope_sent_again_is_recognised_as_a_repeat()
    {
        var recent = new RecentEnvelopes();

        Assert.True(recent.TryAdd("0b1c6c4e-7d2a-4a8e-9a57-3f2a1e0c9d11"));
        Assert.False(recent.TryAdd("0b1c6c4e-7d2a-4a8e-9a57-3f2a1e0c9d11"));
        Assert.True(recent.TryAdd("another"));
    }

    [Fact]
    public void Only_the_latest_envelopes_are_remembered()
    {
        var recent = new RecentEnvelopes();
        for (var i = 0; i <= RecentEnvelopes.Capacity; i++)
        {
            recent.TryAdd($"envelope-{i}");
        }

        Assert.True(recent.TryAdd("envelope-0"));
        Assert.False(recent.TryAdd($"envelope-{RecentEnvelopes.Capacity}"));
    }
}
