using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class EventIdTests
{
    private static readonly string LongestBody = "a" + new string('9', 63);

    [Theory]
    [InlineData("evt_a")]
    [InlineData("evt_0")]
    [InlineData("evt_2024-01-05_laukkai")]
    [InlineData("evt_acled_mmr22121")]
    public void A_well_formed_id_parses_to_itself(string text)
    {
        var id = EventId.Parse(text);

        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Fact]
    public void The_part_after_evt_may_be_64_characters_long_but_not_65()
    {
        Assert.True(EventId.TryParse("evt_" + LongestBody, out _));
        Assert.False(EventId.TryParse("evt_" + LongestBody + "x", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("evt_")]
    [InlineData("abc")]
    [InlineData("evt-abc")]
    [InlineData("EVT_abc")]
    [InlineData("evt_Abc")]
    [InlineData("evt__abc")]
    [InlineData("evt_-abc")]
    [InlineData("evt_abc def")]
    [InlineData("evt_abc.def")]
    [InlineData("evt_läukkai")]
    [InlineData(" evt_abc")]
    [InlineData("evt_abc ")]
    [InlineData("evt_abc\n")]
    public void A_malformed_id_is_rejected(string text)
    {
        Assert.False(EventId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => EventId.Parse(text));
    }

    [Fact]
    public void No_text_is_no_id()
    {
        Assert.False(EventId.TryParse(null, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Two_ids_with_the_same_text_are_equal()
    {
        Assert.Equal(EventId.Parse("evt_laiza_2023"), EventId.Parse("evt_laiza_2023"));
        Assert.NotEqual(EventId.Parse("evt_laiza_2023"), EventId.Parse("evt_laiza_2024"));
    }
}
