namespace BorderAlertBot.Commands;

/// <summary>
/// Every <c>/border</c> subcommand and its options, in help order: the one table that the parser, the help text and the
/// Discord command registration read.
/// </summary>
public static class CommandSyntax
{
    private const string RegionForms = "a country (MM), a border (CN-MM), a place (muse) or a radius (laiza~25km)";

    private static readonly OptionSyntax Region = new("region", RegionForms);

    public static IReadOnlyList<SubcommandSyntax> Subcommands { get; } =
    [
        new(SubcommandNames.Help, "/border help [subcommand]", "usage and examples, or one subcommand in full", "/border help latest", false,
            [new("topic", "a subcommand, such as latest") { Aliases = ["subcommand", "command"] }]),
        new(SubcommandNames.Latest, "/border latest [kind] [region] [limit]", "the latest verified events", "/border latest clash CN-MM 5", false,
            [new("kind", "clash, ceasefire or trade"), Region, new("limit", "how many events: 1 to 25 (default 10)")]),
        new(SubcommandNames.Summary, "/border summary [period] [region]", "counts by kind against the previous period, top events, a chart",
            "/border summary 30d MM", false,
            [new("period", "whole days, 1d to 90d (default 7d)"), Region]),
        new(SubcommandNames.Event, "/border event <event-id>", "one event in full: sources, revisions, figures",
            "/border event evt_chinshwehaw_crossing_closed_2023", false,
            [new("id", "an event id, such as evt_chinshwehaw_crossing_closed_2023") { Aliases = ["event", "event-id"] }]),
        new(SubcommandNames.Search, "/border search <text> [since]", "full-text search over titles, summaries, places and actors",
            "/border search \"air strike\" since:7d", false,
            [new("text", "2 to 200 characters; quote words that go together") { Aliases = ["query", "q"] },
                new("since", "only events this recent, such as 24h or 7d")]),
        new(SubcommandNames.Crossings, "/border crossings [region]", "trade crossings: open, closed or restricted, since when, last event",
            "/border crossings CN-MM", false, [Region]),
        new(SubcommandNames.Why, "/border why <event-id>", "why this channel did or did not get that alert",
            "/border why evt_chinshwehaw_crossing_closed_2023", false,
            [new("id", "an event id, such as evt_chinshwehaw_crossing_closed_2023") { Aliases = ["event", "event-id"] }]),
        new(SubcommandNames.Subscribe, "/border subscribe [kinds] [subtypes] [regions] [min-severity] [verified-only] [keywords] [actors] [window] [updates]",
            "subscribe this channel to alerts", "/border subscribe kinds:clash regions:CN-MM min-severity:high", true,
            [
                new("kinds", "clash, ceasefire or trade; several with commas", IsList: true) { Aliases = ["kind"] },
                new("subtypes", "such as air-strike or crossing-closed; several with commas", IsList: true) { Aliases = ["subtype"] },
                new("regions", "MM, CN-MM, a place (muse) or laiza~25km; several with commas", IsList: true) { Aliases = ["region"] },
                new("min-severity", "low, moderate, significant, high, critical or 1 to 5 (default low)") { Aliases = ["severity", "min"] },
                new("verified-only", "yes or no (default yes)") { Aliases = ["verified"] },
                new("keywords", "words the title, summary or place must mention; several with commas", IsList: true) { Aliases = ["keyword"] },
                new("actors", "such as MNDAA or TNLA; several with commas", IsList: true) { Aliases = ["actor"] },
                new("window", "send events this close together as one message: 0 to 24h (default 0)") { Aliases = ["group-window"] },
                new("updates", "how revisions show: edit (default), reply in thread, both or none"),
            ]),
        new(SubcommandNames.Unsubscribe, "/border unsubscribe <subscription-id | all>", "stop one subscription, or all of this channel's",
            "/border unsubscribe sub_k2m4n6p8qr", true,
            [new("id", "a subscription id (sub_…) or all") { Aliases = ["subscription", "subscription-id"] }]),
        new(SubcommandNames.Subscriptions, "/border subscriptions", "this channel's subscriptions, including paused ones and why",
            "/border subscriptions", false, []),
        new(SubcommandNames.Digest, "/border digest <HH:MM | off> [timezone] [quiet]", "a daily digest for this channel at a local time",
            "/border digest 07:30 Asia/Yangon", true,
            [new("time", "HH:MM, or off") { Aliases = ["at"] },
                new("timezone", "an IANA time zone, such as Asia/Yangon (default UTC)") { Aliases = ["tz", "zone", "time-zone"] },
                new("quiet", "what a day without events sends: line (default) or nothing") { Aliases = ["when-quiet"] }]),
        new(SubcommandNames.Mute, "/border mute <duration>", "hold this channel's alerts for a while", "/border mute 2h", true,
            [new("duration", "such as 2h or 1d; at most 30d") { Aliases = ["for"] }]),
        new(SubcommandNames.Unmute, "/border unmute", "send alerts again", "/border unmute", true, []),
    ];

    /// <summary>The subcommand with this name (any case), or null.</summary>
    public static SubcommandSyntax? Find(string name) =>
        Subcommands.FirstOrDefault(syntax => string.Equals(syntax.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
