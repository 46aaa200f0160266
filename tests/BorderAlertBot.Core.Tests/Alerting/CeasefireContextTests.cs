using BorderAlertBot.Abstractions;
using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;
using BorderAlertBot.Storage;
using BorderAlertBot.Testing.Builders;
using Moq;

namespace BorderAlertBot.Core.Tests.Alerting;

public sealed class CeasefireContextTests
{
    private static readonly DateTimeOffset Agreed = new(2024, 1, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_clash_sent_to_many_channels_looks_for_ceasefires_once_per_revision()
    {
        // Arrange
        var ceasefire = new EventBuilder().WithSubtype(EventSubtype.CeasefireAgreed).OnBorder("CN-MM").OccurredOn(Agreed).Build();
        var queries = new Mock<IEventQueries>();
        queries.Setup(q => q.LatestAsync(It.IsAny<EventFilter>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([ceasefire]);
        var context = new CeasefireContext(queries.Object);
        var clash = new EventBuilder().WithSubtype(EventSubtype.Shelling).OnBorder("CN-MM").OccurredOn(Agreed.AddDays(3)).Build();
        var revised = clash with { Revision = clash.Revision with { Number = 2 } };

        // Act
        var notes = new List<string?>();
        for (var channel = 0; channel < 5; channel++)
        {
            notes.Add(await context.NoteForAsync(clash, 14, CancellationToken.None));
        }

        var revisedNote = await context.NoteForAsync(revised, 14, CancellationToken.None);

        // Assert
        Assert.All(notes, note => Assert.StartsWith("possible ceasefire violation: a ceasefire was agreed on 2024-01-11", note, StringComparison.Ordinal));
        Assert.Equal(notes[0], revisedNote);
        queries.Verify(q => q.LatestAsync(It.IsAny<EventFilter>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
