using BorderAlertBot.Delivery;
using BorderAlertBot.Slack.Delivery;
using BorderAlertBot.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Slack.Tests.Delivery;

/// <summary>What <see cref="SlackServiceCollectionExtensions.AddBorderAlertBotSlack"/> registers, and how the options are checked.</summary>
public sealed class SlackServiceRegistrationTests
{
    [Fact]
    public void Both_senders_are_registered_as_alert_senders_for_their_kinds()
    {
        // Arrange
        using var services = Build([]);

        // Act
        var senders = services.GetServices<IAlertSender>().ToList();

        // Assert
        Assert.Contains(senders, sender => sender is SlackChannelSender && sender.Kind == TargetKind.SlackChannel);
        Assert.Contains(senders, sender => sender is SlackWebhookSender && sender.Kind == TargetKind.SlackWebhook);
    }

    [Fact]
    public void The_defaults_are_valid_and_as_documented()
    {
        // Arrange
        using var services = Build([]);

        // Act
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        // Assert
        Assert.Equal("https://slack.com/api/", options.ApiBaseUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.SignatureMaxAge);
        Assert.Equal(TimeSpan.FromSeconds(2), options.AnswerBudget);
        Assert.Equal("border", options.CommandName);
        Assert.Equal(3, options.ChannelBurst);
        Assert.Equal(240, options.WorkspaceMessagesPerMinute);
        Assert.Equal(TimeSpan.FromMinutes(5), options.AdminCacheDuration);
        Assert.Empty(options.AdminUserIds);
        Assert.False(options.IsEnabled);
    }

    [Fact]
    public void Admin_user_ids_bind_from_configuration()
    {
        // Arrange
        using var services = Build(new() { ["Slack:AdminUserIds:0"] = "U0ADMIN01", ["Slack:AdminUserIds:1"] = "W0ORGADM1" });

        // Act
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        // Assert
        Assert.Equal(["U0ADMIN01", "W0ORGADM1"], options.AdminUserIds);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack:BotToken")]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token", "Slack:AppToken")]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl")]
    [InlineData("Slack:SignatureMaxAge", "00:10:00", "Slack:SignatureMaxAge")]
    [InlineData("Slack:AnswerBudget", "00:00:03", "Slack:AnswerBudget")]
    [InlineData("Slack:CommandName", "Border Alerts", "Slack:CommandName")]
    [InlineData("Slack:AdminUserIds:0", "jdoe", "Slack:AdminUserIds")]
    [InlineData("Slack:ChannelBurst", "0", "Slack:ChannelBurst")]
    public void A_bad_setting_is_reported_by_its_key(string key, string value, string reported)
    {
        // Arrange
        using var services = Build(new() { [key] = value });

        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);

        // Assert
        Assert.Contains(failure.Failures, line => line.StartsWith(reported + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Socket_mode_needs_the_bot_token_too()
    {
        // Arrange
        using var services = Build(new() { ["Slack:AppToken"] = "xapp-1-A0FAKE001-1234-abcd" });

        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);

        // Assert
        Assert.Contains(failure.Failures, line => line.StartsWith("Slack:BotToken:", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBorderAlertBotSlack(configuration).BuildServiceProvider();
    }
}
