using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Core.Tests.Subscriptions;

public sealed class SubscriptionIdTests
{
    [Fact]
    public void A_new_id_is_valid_and_unique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SubscriptionId.New()).ToList();

        Assert.All(ids, id => Assert.Equal(id, SubscriptionId.Parse(id.Value)));
        Assert.All(ids, id => Assert.Matches("^sub_[a-z0-9]{10}\\z", id.Value));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("sub_abcdefghij")]
    [InlineData("sub_0123456789")]
    [InlineData("sub_k2m4n6p8qr")]
    public void An_id_reads_back_as_itself(string text)
    {
        var id = SubscriptionId.Parse(text);

        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("sub_")]
    [InlineData("sub_abcdefghi")]
    [InlineData("sub_abcdefghijk")]
    [InlineData("sub_ABCDEFGHIJ")]
    [InlineData("SUB_abcdefghij")]
    [InlineData("sub-abcdefghij")]
    [InlineData("evt_abcdefghij")]
    [InlineData("sub_abcde-ghij")]
    [InlineData("sub_abcdéfghij")]
    [InlineData(" sub_abcdefghij")]
    [InlineData("sub_abcdefghij ")]
    [InlineData("sub_abcdefghij\n")]
    [InlineData("sub_abcdefghij\r\n")]
    [InlineData("sub_abcdefghij\0")]
    public void Anything_else_is_not_an_id(string text)
    {
        Assert.False(SubscriptionId.TryParse(text, out var id));
        Assert.Equal(default, id);
        var error = Assert.Throws<FormatException>(() => SubscriptionId.Parse(text));
        Assert.Contains("expected sub_ and 10 letters or digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_not_an_id()
    {
        Assert.False(SubscriptionId.TryParse(null, out _));
    }

    [Fact]
    public void The_default_id_writes_as_empty()
    {
        Assert.Equal(string.Empty, default(SubscriptionId).ToString());
    }
}
