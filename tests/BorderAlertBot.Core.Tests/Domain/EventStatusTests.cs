using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class EventStatusTests
{
    [Theory]
    [InlineData(EventStatus.Pending, EventStatus.Verified, true)]
    [InlineData(EventStatus.Pending, EventStatus.Rejected, true)]
    [InlineData(EventStatus.Verified, EventStatus.Retracted, true)]
    [InlineData(EventStatus.Pending, EventStatus.Retracted, false)]
    [InlineData(EventStatus.Rejected, EventStatus.Verified, false)]
    [InlineData(EventStatus.Rejected, EventStatus.Pending, false)]
    [InlineData(EventStatus.Retracted, EventStatus.Verified, false)]
    [InlineData(EventStatus.Retracted, EventStatus.Pending, false)]
    [InlineData(EventStatus.Verified, EventStatus.Pending, false)]
    [InlineData(EventStatus.Verified, EventStatus.Rejected, false)]
    [InlineData(EventStatus.Pending, EventStatus.Pending, true)]
    [InlineData(EventStatus.Verified, EventStatus.Verified, true)]
    [InlineData(EventStatus.Rejected, EventStatus.Rejected, true)]
    [InlineData(EventStatus.Retracted, EventStatus.Retracted, true)]
    public void Only_the_documented_status_moves_are_allowed(EventStatus from, EventStatus to, bool allowed)
    {
        Assert.Equal(allowed, from.CanBecome(to));
    }

    [Theory]
    [InlineData(EventStatus.Pending, false)]
    [InlineData(EventStatus.Verified, false)]
    [InlineData(EventStatus.Rejected, true)]
    [InlineData(EventStatus.Retracted, true)]
    public void Rejection_and_retraction_need_a_reason(EventStatus status, bool needsReason)
    {
        Assert.Equal(needsReason, status.NeedsReason());
    }
}
