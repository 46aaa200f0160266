using BorderAlertBot.Curation;

namespace BorderAlertBot.Core.Tests.Curation;

public sealed class ImportErrorTests
{
    [Theory]
    [InlineData("status", "line 7 (record 5), status: cannot become Verified")]
    [InlineData("", "line 7 (record 5): cannot become Verified")]
    public void An_error_says_where_it_is_and_which_field_is_wrong(string field, string expected)
    {
        Assert.Equal(expected, new ImportError(5, 7, field, "cannot become Verified").ToString());
    }
}
