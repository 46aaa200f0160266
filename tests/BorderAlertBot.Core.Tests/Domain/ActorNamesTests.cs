using BorderAlertBot.Domain;

namespace BorderAlertBot.Core.Tests.Domain;

public sealed class ActorNamesTests
{
    [Theory]
    [InlineData("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA")]
    [InlineData("PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", "TNLA")]
    [InlineData("KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "KIA")]
    [InlineData("AA: Arakan Army", "AA")]
    [InlineData("Military Forces of Myanmar (2021-)", "Military Forces of Myanmar (2021-)")]
    [InlineData("  Arakan Army  ", "Arakan Army")]
    public void The_short_form_is_the_armed_wing_named_before_the_colon(string name, string shortForm)
    {
        Assert.Equal(shortForm, ActorNames.ShortFormOf(name));
    }
}
