using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Subscriptions;

public sealed class DeliveryTargetTests
{
    private const string DiscordWebhook = "https://discord.com/api/webhooks/1234567890/abcdefSECRETtoken9Xz7";
    private const string SlackWebhook = "https://hooks.slack.com/services/T0001/B0001/sEcReTsEcReTQw3r";
    private const string Forms = "a target is console[:name], discord-channel:ID, discord-webhook:URL, slack-channel:ID or slack-webhook:URL";

    [Theory]
    [InlineData("console", TargetKind.Console, "default")]
    [InlineData("console:", TargetKind.Console, "default")]
    [InlineData("console:ops", TargetKind.Console, "ops")]
    [InlineData("CONSOLE:ops", TargetKind.Console, "ops")]
    [InlineData("discord-channel:1187000000000000000", TargetKind.DiscordChannel, "1187000000000000000")]
    [InlineData("discord-webhook:" + DiscordWebhook, TargetKind.DiscordWebhook, DiscordWebhook)]
    [InlineData("slack-channel:C0123456789", TargetKind.SlackChannel, "C0123456789")]
    [InlineData("Slack-Webhook:" + SlackWebhook, TargetKind.SlackWebhook, SlackWebhook)]
    public void A_target_is_read_from_its_kind_and_address(string text, TargetKind kind, string address)
    {
        var parsed = DeliveryTarget.TryParse(text, out var target, out var error);

        Assert.True(parsed, error);
        Assert.Null(error);
        Assert.Equal(new DeliveryTarget(kind, address), target);
    }

    [Theory]
    [InlineData("", Forms)]
    [InlineData("email:alerts@example.org", Forms)]
    [InlineData("discord:123", Forms)]
    [InlineData("discord-channel", "discord-channel needs an address after the colon")]
    [InlineData("discord-channel:", "discord-channel needs an address after the colon")]
    [InlineData("slack-channel:", "slack-channel needs an address after the colon")]
    [InlineData("discord-webhook:", "discord-webhook needs an address after the colon")]
    [InlineData("discord-webhook:http://discord.com/api/webhooks/1/token", "discord-webhook needs an https URL")]
    [InlineData("discord-webhook:discord.com/api/webhooks/1/token", "discord-webhook needs an https URL")]
    [InlineData("slack-webhook:not a url", "slack-webhook needs an https URL")]
    [InlineData("slack-webhook:ftp://hooks.slack.com/services/T/B/X", "slack-webhook needs an https URL")]
    public void A_target_that_cannot_be_read_says_what_would_work(string text, string expected)
    {
        var parsed = DeliveryTarget.TryParse(text, out var target, out var error);

        Assert.False(parsed);
        Assert.Null(target);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("discord-webhook:" + DiscordWebhook, "discord-webhook:…/9Xz7")]
    [InlineData("slack-webhook:" + SlackWebhook, "slack-webhook:…/Qw3r")]
    public void A_webhook_shows_only_the_last_four_characters_of_its_url(string text, string expected)
    {
        Assert.True(DeliveryTarget.TryParse(text, out var target, out _));
        Assert.NotNull(target);
        var url = target.Address;

        Assert.Equal(expected, target.Display);
        Assert.Equal(expected, target.ToString());
        Assert.Equal(expected, $"{target}");
        foreach (var shown in new[] { target.Display, target.ToString(), target.Key, new SubscriptionBuilder().To(target).Build().ToString() })
        {
            Assert.DoesNotContain(url, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(url[..^4], shown, StringComparison.Ordinal);
            Assert.DoesNotContain("https", shown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TargetKind.Console, "default", "console:default")]
    [InlineData(TargetKind.DiscordChannel, "1187000000000000000", "discord-channel:1187000000000000000")]
    [InlineData(TargetKind.SlackChannel, "C0123456789", "slack-channel:C0123456789")]
    public void A_channel_shows_its_address(TargetKind kind, string address, string expected)
    {
        var target = new DeliveryTarget(kind, address);

        Assert.Equal(expected, target.Display);
        Assert.Equal(expected, target.ToString());
        Assert.Equal(expected, target.Key);
    }

    // Outbox rows are stored under the key, so it must not change between runs or releases: these are pinned.
    [Theory]
    [InlineData(TargetKind.DiscordWebhook, DiscordWebhook, "discord-webhook:ce6f5d24e0d3b1c7")]
    [InlineData(TargetKind.SlackWebhook, SlackWebhook, "slack-webhook:65b30fc708c5acda")]
    public void A_webhook_key_is_a_stable_hash_of_its_url(TargetKind kind, string url, string expected)
    {
        Assert.Equal(expected, new DeliveryTarget(kind, url).Key);
        Assert.Equal(new DeliveryTarget(kind, url).Key, new DeliveryTarget(kind, new string(url.ToCharArray())).Key);
    }

    [Fact]
    public void Two_webhooks_have_different_keys_even_when_they_end_alike()
    {
        var first = new DeliveryTarget(TargetKind.DiscordWebhook, "https://discord.com/api/webhooks/111/tokenAAAAwxyz");
        var second = new DeliveryTarget(TargetKind.DiscordWebhook, "https://discord.com/api/webhooks/222/tokenBBBBwxyz");

        Assert.Equal(first.Display, second.Display);
        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public void The_same_address_on_two_platforms_has_two_keys()
    {
        Assert.NotEqual(new DeliveryTarget(TargetKind.DiscordChannel, "123").Key, new DeliveryTarget(TargetKind.SlackChannel, "123").Key);
        Assert.NotEqual(new DeliveryTarget(TargetKind.DiscordWebhook, DiscordWebhook).Key, new DeliveryTarget(TargetKind.SlackWebhook, DiscordWebhook).Key);
    }
}
