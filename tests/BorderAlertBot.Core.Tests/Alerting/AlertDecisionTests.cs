using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Alerting;

public sealed class AlertDecisionTests
{
    [Theory]
    [InlineData(EventStatus.Verified, null, AlertKind.New)]
    [InlineData(EventStatus.Pending, null, null)]
    [InlineData(EventStatus.Rejected, null, null)]
    [InlineData(EventStatus.Pending, EventStatus.Pending, null)]
    [InlineData(EventStatus.Rejected, EventStatus.Pending, null)]
    [InlineData(EventStatus.Verified, EventStatus.Pending, AlertKind.New)]
    [InlineData(EventStatus.Verified, EventStatus.Verified, AlertKind.Updated)]
    [InlineData(EventStatus.Retracted, EventStatus.Verified, AlertKind.Retracted)]
    [InlineData(EventStatus.Retracted, null, null)]
    [InlineData(EventStatus.Retracted, EventStatus.Retracted, null)]
    public void Only_verified_news_and_what_follows_it_is_alerted(EventStatus current, EventStatus? previous, AlertKind? expected)
    {
        // Arrange
        var builder = new EventBuilder();
        var before = previous is { } status ? builder.WithStatus(status).Build() : null;
        var now = builder.WithStatus(current).Build();

        // Act
        var decision = AlertDecision.For(now, before);

        // Assert
        Assert.Equal(expected, decision);
    }
}
