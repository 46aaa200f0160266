using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class EventSubtypeTests
{
    [Theory]
    [InlineData(EventSubtype.ArmedClash, EventKind.BorderClash)]
    [InlineData(EventSubtype.AirStrike, EventKind.BorderClash)]
    [InlineData(EventSubtype.Shelling, EventKind.BorderClash)]
    [InlineData(EventSubtype.TerritorySeized, EventKind.BorderClash)]
    [InlineData(EventSubtype.CeasefireViolation, EventKind.BorderClash)]
    [InlineData(EventSubtype.CeasefireCalled, EventKind.CeasefireCall)]
    [InlineData(EventSubtype.TalksHeld, EventKind.CeasefireCall)]
    [InlineData(EventSubtype.CeasefireAgreed, EventKind.CeasefireCall)]
    [InlineData(EventSubtype.CeasefireBroken, EventKind.CeasefireCall)]
    [InlineData(EventSubtype.CrossingClosed, EventKind.TradeDisruption)]
    [InlineData(EventSubtype.CrossingReopened, EventKind.TradeDisruption)]
    [InlineData(EventSubtype.RouteBlocked, EventKind.TradeDisruption)]
    [InlineData(EventSubtype.CargoDestroyed, EventKind.TradeDisruption)]
    [InlineData(EventSubtype.SanctionImposed, EventKind.TradeDisruption)]
    public void Each_subtype_belongs_to_its_kind(EventSubtype subtype, EventKind kind)
    {
        Assert.Equal(kind, subtype.Kind());
    }

    [Fact]
    public void Every_subtype_belongs_to_exactly_one_kind()
    {
        var subtypes = Enum.GetValues<EventSubtype>();

        var listedByKind = Enum.GetValues<EventKind>().SelectMany(EventSubtypeExtensions.SubtypesOf).ToList();

        Assert.Equal(subtypes.Length, listedByKind.Count);
        Assert.Equal(subtypes.Order(), listedByKind.Order());
    }
}
