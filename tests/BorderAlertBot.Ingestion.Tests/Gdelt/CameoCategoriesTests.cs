using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Gdelt;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

public sealed class CameoCategoriesTests
{
    [Theory]
    [InlineData("19", EventSubtype.ArmedClash)]
    [InlineData("190", EventSubtype.ArmedClash)]
    [InlineData("191", EventSubtype.RouteBlocked)]
    [InlineData("192", EventSubtype.TerritorySeized)]
    [InlineData("193", EventSubtype.ArmedClash)]
    [InlineData("194", EventSubtype.Shelling)]
    [InlineData("195", EventSubtype.AirStrike)]
    [InlineData("1951", EventSubtype.AirStrike)]
    [InlineData("1952", EventSubtype.AirStrike)]
    [InlineData("196", EventSubtype.CeasefireViolation)]
    [InlineData("087", EventSubtype.CeasefireAgreed)]
    [InlineData("0871", EventSubtype.CeasefireAgreed)]
    [InlineData("0872", EventSubtype.CeasefireAgreed)]
    [InlineData("0873", EventSubtype.CeasefireAgreed)]
    [InlineData("0874", EventSubtype.CeasefireAgreed)]
    [InlineData("057", EventSubtype.TalksHeld)]
    [InlineData("0256", EventSubtype.CeasefireCalled)]
    [InlineData("0356", EventSubtype.CeasefireCalled)]
    [InlineData("026", EventSubtype.CeasefireCalled)]
    [InlineData("027", EventSubtype.CeasefireCalled)]
    [InlineData("028", EventSubtype.CeasefireCalled)]
    [InlineData("106", EventSubtype.CeasefireCalled)]
    [InlineData("107", EventSubtype.CeasefireCalled)]
    [InlineData("1056", EventSubtype.CeasefireCalled)]
    [InlineData("163", EventSubtype.SanctionImposed)]
    [InlineData("144", EventSubtype.RouteBlocked)]
    [InlineData("1711", EventSubtype.CargoDestroyed)]
    [InlineData("1712", EventSubtype.CargoDestroyed)]
    [InlineData("085", EventSubtype.CrossingReopened)]
    public void Each_code_of_the_three_kinds_maps_to_its_subtype(string code, EventSubtype subtype)
    {
        var category = CameoCategories.Find(code);

        Assert.Equal(subtype, category?.Subtype);
        Assert.Equal(code, category!.Code);
    }

    [Theory]
    [InlineData("0875", EventSubtype.CeasefireAgreed)]
    [InlineData("1953", EventSubtype.AirStrike)]
    public void An_unlisted_four_digit_code_takes_its_listed_parents_subtype_and_keeps_its_own_code(string code, EventSubtype subtype)
    {
        var category = CameoCategories.Find(code);

        Assert.Equal((subtype, code), (category?.Subtype, category?.Code));
    }

    [Theory]
    [InlineData("042")] // Make a visit.
    [InlineData("02")] // A generic appeal.
    [InlineData("020")]
    [InlineData("0254")] // Appeal for easing sanctions.
    [InlineData("1054")] // Demand easing sanctions.
    [InlineData("1384")] // Threaten a conventional attack.
    [InlineData("1381")] // Threaten a blockade.
    [InlineData("1312")] // Threaten to boycott.
    [InlineData("183")] // Bombing (an assault, not a clash).
    [InlineData("200")] // Mass violence.
    [InlineData("161")] // Reduce or break diplomatic relations.
    [InlineData("1621")] // Stop economic assistance: aid, not trade.
    [InlineData("871")] // Not 0871: the leading zero is part of the code.
    public void Codes_outside_the_three_kinds_map_to_nothing(string code) =>
        Assert.Null(CameoCategories.Find(code));

    [Fact]
    public void The_codes_the_issue_names_are_all_mapped()
    {
        string[] named = ["190", "191", "192", "193", "194", "195", "196", "0871", "107", "1056", "0256", "163", "144", "1712"];

        Assert.All(named, code => Assert.NotNull(CameoCategories.Find(code)));
    }
}
