using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Testing.FakeSlack;
using static BorderAlertBot.Slack.Tests.Support.SlackBotHarness;

namespace BorderAlertBot.Slack.Tests.Rest;

public sealed class SlackAdminsTests
{
    private const string Team = "T0FAKE001";

    [Theory]
    [InlineData("U0ADMIN01", true, false, true)]
    [InlineData("U0OWNER01", false, true, true)]
    [InlineData("U0MEMBER1", false, false, false)]
    public async Task Without_configured_admins_the_workspaces_admins_and_owners_are_asked_of_users_info(string user, bool isAdmin, bool isOwner, bool expected)
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.AddUser(new FakeSlackUser(user, isAdmin, isOwner));

        // Act
        var result = await bot.Admins.IsAdminAsync(Team, user, CancellationToken.None);

        // Assert
        Assert.Equal(expected, result);
        var request = Assert.Single(bot.Requests("users.info"));
        Assert.Equal(user, request.Arguments!.Value.GetProperty("user").GetString());
    }

    [Fact]
    public async Task The_answer_is_remembered_for_a_few_minutes()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.AddUser(new FakeSlackUser("U0ADMIN01", IsAdmin: true));
        await bot.Admins.IsAdminAsync(Team, "U0ADMIN01", CancellationToken.None);

        // Act
        bot.Time.Advance(TimeSpan.FromMinutes(4));
        var remembered = await bot.Admins.IsAdminAsync(Team, "U0ADMIN01", CancellationToken.None);
        var requestsWhileRemembered = bot.Requests("users.info").Count;
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        var askedAgain = await bot.Admins.IsAdminAsync(Team, "U0ADMIN01", CancellationToken.None);

        // Assert
        Assert.True(remembered);
        Assert.True(askedAgain);
        Assert.Equal(1, requestsWhileRemembered);
        Assert.Equal(2, bot.Requests("users.info").Count);
    }

    [Fact]
    public async Task Configured_admin_ids_decide_alone_and_slack_is_not_asked()
    {
        // Arrange
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = "U0CHOSEN1" });
        bot.Server.AddUser(new FakeSlackUser("U0ADMIN01", IsAdmin: true));

        // Act
        var chosen = await bot.Admins.IsAdminAsync(Team, "U0CHOSEN1", CancellationToken.None);
        var workspaceAdmin = await bot.Admins.IsAdminAsync(Team, "U0ADMIN01", CancellationToken.None);

        // Assert
        Assert.True(chosen);
        Assert.False(workspaceAdmin);
        Assert.Equal(0, bot.Server.ReceivedCount);
        Assert.Contains("Slack:AdminUserIds", bot.Admins.Requirement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_slack_cannot_say_the_answer_is_no_it_is_not_remembered_and_alerts_go_on()
    {
        // Arrange
        await using var bot = await StartAsync();
        bot.Server.AddUser(new FakeSlackUser("U0ADMIN01", IsAdmin: true));
        bot.Server.FailNext("users.info", "missing_scope");

        // Act
        var refused = await bot.Admins.IsAdminAsync(Team, "U0ADMIN01", CancellationToken.None);
        var later = await bot.Admins.IsAdminAsync(Team, "U0ADMIN01", CancellationToken.None);

        // Assert
        Assert.False(refused);
        Assert.True(later);
        Assert.False(bot.Auth.IsStopped(SlackApiClient.Workspace), "A missing users:read costs the admin check, not the alerts.");
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("users:read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_user_is_no_admin()
    {
        // Arrange
        await using var bot = await StartAsync();

        // Act
        var result = await bot.Admins.IsAdminAsync(Team, "U0NOBODY1", CancellationToken.None);

        // Assert
        Assert.False(result);
    }
}
