using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Tests.Delivery;

public sealed class CeasefireNoteTests
{
    private static readonly Actor Mndaa = new("MNTJP/MNDAA: Myanmar National Truth and Justice Party/Myanmar National Democratic Alliance Army", "MNDAA");
    private static readonly Actor Tnla = new("PSLF/TNLA: Palaung State Liberation Front/Ta'ang National Liberation Army", "TNLA");

    [Theory]
    [InlineData(1, "actor", true)]
    [InlineData(13, "actor", true)]
    [InlineData(13, "admin1", true)]
    [InlineData(20, "actor", false)]
    [InlineData(20, "admin1", false)]
    public async Task A_clash_in_Shan_North_soon_after_a_ceasefire_agreed_there_is_marked_as_a_possible_violation(int daysAfter, string shared, bool marked)
    {
        // Arrange: the Haigeng ceasefire (11 January 2024), agreed in Kunming. It shares with the clash either a party
        // (the MNDAA) or the state (Shan-North), nothing else: no border pair.
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithKinds(EventKind.BorderClash));
        var agreed = new DateTimeOffset(2024, 1, 11, 0, 0, 0, TimeSpan.Zero);
        var ceasefire = new EventBuilder()
            .WithSubtype(EventSubtype.CeasefireAgreed)
            .WithTitle("Junta and the MNDAA agree the Haigeng ceasefire")
            .OccurredOn(agreed)
            .At(shared == "admin1"
                ? new Location("MM", "Shan-North", null, null, null, null, LocationPrecision.Region)
                : new Location("CN", "Yunnan", null, null, "Kunming", null, LocationPrecision.Region))
            .OnBorder(null)
            .WithActors(shared == "actor" ? Mndaa : Tnla, new Actor("Military Forces of Myanmar (2021-)", "Tatmadaw"))
            .Build();
        var clash = new EventBuilder()
            .OccurredOn(agreed.AddDays(daysAfter))
            .AtPlace("Hseni", admin1: "Shan-North")
            .WithActors(Mndaa)
            .Build();
        await pipeline.ImportAsync(ceasefire);

        // Act
        await pipeline.ImportAsync(clash);
        await pipeline.RunAsync();

        // Assert
        var entry = Assert.Single(Assert.Single(pipeline.Sender.Messages).Message.Entries);
        Assert.Equal(clash.Id, entry.Event.Id);
        if (marked)
        {
            var note = Assert.Single(entry.Notes);
            Assert.StartsWith("possible ceasefire violation", note, StringComparison.Ordinal);
            Assert.Contains(ceasefire.Id.Value, note, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(entry.Notes);
        }
    }

    [Fact]
    public async Task A_clash_after_an_unverified_ceasefire_claim_is_not_marked()
    {
        // Arrange
        using var pipeline = await DeliveryPipeline.StartAsync();
        await pipeline.SubscribeAsync(builder => builder.WithKinds(EventKind.BorderClash));
        var agreed = new DateTimeOffset(2024, 1, 11, 0, 0, 0, TimeSpan.Zero);
        await pipeline.ImportAsync(new EventBuilder().WithSubtype(EventSubtype.CeasefireAgreed).OccurredOn(agreed).WithStatus(EventStatus.Pending).Build());

        // Act
        await pipeline.ImportAsync(new EventBuilder().OccurredOn(agreed.AddDays(3)).Build());
        await pipeline.RunAsync();

        // Assert
        Assert.Empty(Assert.Single(Assert.Single(pipeline.Sender.Messages).Message.Entries).Notes);
    }
}
