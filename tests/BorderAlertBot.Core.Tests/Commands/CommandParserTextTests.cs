using BorderAlertBot.Commands;
using BorderAlertBot.Digests;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Core.Tests.Commands;

public sealed class CommandParserTextTests
{
    private static readonly CommandParser Parser = new(Gazetteer.Bundled);

    public static TheoryData<string, BorderCommand> ReadCommands => new()
    {
        { "", new HelpCommand(null) },
        { "   ", new HelpCommand(null) },
        { "help", new HelpCommand(null) },
        { "HELP Latest", new HelpCommand("latest") },
        { "help topic:subscribe", new HelpCommand("subscribe") },
        { "latest", new LatestCommand(null, null, LatestCommand.DefaultLimit) },
        { "latest clash CN-MM 5", new LatestCommand(EventKind.BorderClash, Region("CN-MM"), 5) },
        { "latest 5 mm-cn clashes", new LatestCommand(EventKind.BorderClash, Region("CN-MM"), 5) },
        { "latest kind:clash region:CN-MM limit:5", new LatestCommand(EventKind.BorderClash, Region("CN-MM"), 5) },
        { "latest KIND:BorderClash", new LatestCommand(EventKind.BorderClash, null, 10) },
        { "latest kind: trade", new LatestCommand(EventKind.TradeDisruption, null, 10) },
        { "latest border-clash", new LatestCommand(EventKind.BorderClash, null, 10) },
        { "latest CeasefireCall 25", new LatestCommand(EventKind.CeasefireCall, null, 25) },
        { "latest chin shwe haw", new LatestCommand(null, Region("chinshwehaw"), 10) },
        { "latest region:\"chin shwe haw\" 1", new LatestCommand(null, Region("chinshwehaw"), 1) },
        { "latest “Chin Shwe Haw” trade", new LatestCommand(EventKind.TradeDisruption, Region("chinshwehaw"), 10) },
        { "latest laiza~25km", new LatestCommand(null, Region("laiza~25km"), 10) },
        { "latest 105-mile", new LatestCommand(null, Region("105-mile"), 10) },
        { "summary", new SummaryCommand(TimeSpan.FromDays(7), null) },
        { "summary 30d MM", new SummaryCommand(TimeSpan.FromDays(30), Region("MM")) },
        { "summary MM 1d", new SummaryCommand(TimeSpan.FromDays(1), Region("MM")) },
        { "summary period:90d region:muse", new SummaryCommand(TimeSpan.FromDays(90), Region("muse")) },
        { "summary 48h", new SummaryCommand(TimeSpan.FromDays(2), null) },
        { "summary 105-mile", new SummaryCommand(TimeSpan.FromDays(7), Region("105-mile")) },
        { "event evt_muse_clash_2024", new EventCommand(EventId.Parse("evt_muse_clash_2024")) },
        { "event id:evt_muse_clash_2024", new EventCommand(EventId.Parse("evt_muse_clash_2024")) },
        { "search \"air strike\" since:7d", new SearchCommand("air strike", TimeSpan.FromDays(7)) },
        { "search air strike", new SearchCommand("air strike", null) },
        { "search text:\"air strike\" since:24h", new SearchCommand("air strike", TimeSpan.FromHours(24)) },
        { "search “air strike”", new SearchCommand("air strike", null) },
        { "search note:closed", new SearchCommand("note:closed", null) },
        { "search \"since:7d\"", new SearchCommand("since:7d", null) },
        { "search MNDAA Laukkai", new SearchCommand("MNDAA Laukkai", null) },
        { "crossings", new CrossingsCommand(null) },
        { "crossings CN-MM", new CrossingsCommand(Region("CN-MM")) },
        { "crossings region:muse", new CrossingsCommand(Region("muse")) },
        { "why evt_muse_clash_2024", new WhyCommand(EventId.Parse("evt_muse_clash_2024")) },
        { "subscribe", new SubscribeCommand(SubscriptionFilter.Everything, TimeSpan.Zero) },
        {
            "subscribe kinds:clash regions:CN-MM min-severity:high",
            new SubscribeCommand(Filter(f => f.WithKinds(EventKind.BorderClash).WithRegions("CN-MM").WithMinSeverity(Severity.High)), TimeSpan.Zero)
        },
        {
            "subscribe clash trade CN-MM 4",
            new SubscribeCommand(Filter(f => f.WithKinds(EventKind.BorderClash, EventKind.TradeDisruption).WithRegions("CN-MM").WithMinSeverity(Severity.High)), TimeSpan.Zero)
        },
        {
            "subscribe kind:clash,ceasefire kind:clash subtype:air-strike,Shelling region:MM,laiza~25km severity:3",
            new SubscribeCommand(
                Filter(f => f.WithKinds(EventKind.BorderClash, EventKind.CeasefireCall).WithSubtypes(EventSubtype.AirStrike, EventSubtype.Shelling)
                    .WithRegions("MM", "laiza~25km").WithMinSeverity(Severity.Significant)),
                TimeSpan.Zero)
        },
        {
            "subscribe verified-only:no keywords:\"air strike, shelling\" actors:MNDAA,TNLA window:5m",
            new SubscribeCommand(Filter(f => f.VerifiedOnly(false).WithKeywords("air strike", "shelling").WithActors("MNDAA", "TNLA")), TimeSpan.FromMinutes(5))
        },
        {
            "subscribe kinds:clash updates:both",
            new SubscribeCommand(Filter(f => f.WithKinds(EventKind.BorderClash)), TimeSpan.Zero, UpdateMode.Both)
        },
        {
            "subscribe updates:thread",
            new SubscribeCommand(SubscriptionFilter.Everything, TimeSpan.Zero, UpdateMode.Reply)
        },
        {
            "subscribe crossing-closed chin shwe haw critical",
            new SubscribeCommand(Filter(f => f.WithSubtypes(EventSubtype.CrossingClosed).WithRegions("chinshwehaw").WithMinSeverity(Severity.Critical)), TimeSpan.Zero)
        },
        { "subscribe muse lashio", new SubscribeCommand(Filter(f => f.WithRegions("muse", "lashio")), TimeSpan.Zero) },
        { "unsubscribe sub_k2m4n6p8qr", new UnsubscribeCommand(SubscriptionId.Parse("sub_k2m4n6p8qr")) },
        { "unsubscribe all", UnsubscribeCommand.All },
        { "unsubscribe ALL", new UnsubscribeCommand((SubscriptionId?)null) },
        { "subscriptions", new SubscriptionsCommand() },
        { "digest 07:30 Asia/Yangon", new DigestCommand(new TimeOnly(7, 30), "Asia/Yangon") },
        { "digest 7:30", new DigestCommand(new TimeOnly(7, 30), "UTC") },
        { "digest time:07:30 timezone:asia/yangon", new DigestCommand(new TimeOnly(7, 30), "Asia/Yangon") },
        { "digest off", new DigestCommand(null, "UTC") },
        { "digest 07:30 Asia/Yangon quiet:nothing", new DigestCommand(new TimeOnly(7, 30), "Asia/Yangon", DigestWhenQuiet.Nothing) },
        { "digest 18:00 UTC skip", new DigestCommand(new TimeOnly(18, 0), "UTC", DigestWhenQuiet.Nothing) },
        { "digest 18:00 UTC line", new DigestCommand(new TimeOnly(18, 0), "UTC", DigestWhenQuiet.Line) },
        { "mute 2h", new MuteCommand(TimeSpan.FromHours(2)) },
        { "mute 1d", new MuteCommand(TimeSpan.FromDays(1)) },
        { "mute duration:30d", new MuteCommand(TimeSpan.FromDays(30)) },
        { "mute 1h30m", new MuteCommand(TimeSpan.FromMinutes(90)) },
        { "unmute", new UnmuteCommand() },
        { "  Latest \t clash\n CN-MM  ", new LatestCommand(EventKind.BorderClash, Region("CN-MM"), 10) },
    };

    [Theory]
    [MemberData(nameof(ReadCommands))]
    public void Text_is_read_into_its_command(string text, BorderCommand expected)
    {
        // Act
        var result = Parser.Parse(text);

        // Assert
        var parsed = Assert.IsType<CommandParseResult.Parsed>(result);
        Assert.Equal(expected, parsed.Command);
    }

    [Fact]
    public void Unsubscribe_all_says_so()
    {
        // Act
        var command = Assert.IsType<UnsubscribeCommand>(Assert.IsType<CommandParseResult.Parsed>(Parser.Parse("unsubscribe all")).Command);

        // Assert
        Assert.True(command.IsAll);
        Assert.Null(command.Id);
    }

    [Fact]
    public void Digest_off_says_so()
    {
        // Act
        var command = Assert.IsType<DigestCommand>(Assert.IsType<CommandParseResult.Parsed>(Parser.Parse("digest OFF")).Command);

        // Assert
        Assert.True(command.IsOff);
    }

    [Fact]
    public void Subscribe_commands_with_the_same_filter_values_are_equal()
    {
        // Arrange
        var first = Assert.IsType<CommandParseResult.Parsed>(Parser.Parse("subscribe clash MM keywords:a1,b2")).Command;

        // Act
        var second = Assert.IsType<CommandParseResult.Parsed>(Parser.Parse("subscribe kinds:clash regions:MM keyword:a1 keyword:b2")).Command;

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Assert.IsType<CommandParseResult.Parsed>(Parser.Parse("subscribe clash MM keywords:b2,a1")).Command);
    }

    internal static Region Region(string text) =>
        RegionParser.TryParse(text, Gazetteer.Bundled, out var region, out var error) ? region : throw new ArgumentException(error, nameof(text));

    private static SubscriptionFilter Filter(Func<SubscriptionBuilder, SubscriptionBuilder> configure) => configure(new SubscriptionBuilder()).Build().Filter;
}
