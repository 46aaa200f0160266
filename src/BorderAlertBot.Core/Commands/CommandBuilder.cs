using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Commands;

/// <summary>
/// Turns the values given for each option into a command, checking each one; the text and the typed-options forms both end
/// here, so they agree. Options are checked in the order the syntax lists them, and the first problem is the error.
/// </summary>
internal sealed partial class CommandBuilder(Gazetteer gazetteer)
{
    public CommandParseResult Build(SubcommandSyntax syntax, CommandArguments args) => syntax.Name switch
    {
        SubcommandNames.Help => Help(args),
        SubcommandNames.Latest => Latest(args),
        SubcommandNames.Summary => Summary(args),
        SubcommandNames.Event => WithEventId(args, id => new EventCommand(id)),
        SubcommandNames.Search => Search(args),
        SubcommandNames.Crossings => Crossings(args),
        SubcommandNames.Why => WithEventId(args, id => new WhyCommand(id)),
        SubcommandNames.Subscribe => Subscribe(args),
        SubcommandNames.Unsubscribe => Unsubscribe(args),
        SubcommandNames.Subscriptions => Parsed(new SubscriptionsCommand()),
        SubcommandNames.Digest => Digest(args),
        SubcommandNames.Mute => Mute(args),
        SubcommandNames.Unmute => Parsed(new UnmuteCommand()),
        _ => Invalid(new CommandError("subcommand", $"subcommand: {Shown.Quoted(syntax.Name)} is not a subcommand; see /border help")),
    };

    private static CommandParseResult.Parsed Parsed(BorderCommand command) => new CommandParseResult.Parsed(command);

    private static CommandParseResult.Invalid Invalid(CommandError error) => new CommandParseResult.Invalid(error);

    private static CommandParseResult Help(CommandArguments args)
    {
        if (!args.TryGetOne("topic", out var topic, out var error))
        {
            return Invalid(error);
        }

        if (topic is null)
        {
            return Parsed(new HelpCommand(null));
        }

        return CommandSyntax.Find(topic) is { } syntax
            ? Parsed(new HelpCommand(syntax.Name))
            : Invalid(CommandParser.NotASubcommand("topic", topic));
    }

    private CommandParseResult Latest(CommandArguments args)
    {
        if (!args.TryGetOne("kind", out var kindText, out var error)
            || !args.TryGetOne("region", out var regionText, out error)
            || !args.TryGetOne("limit", out var limitText, out error))
        {
            return Invalid(error);
        }

        EventKind? kind = null;
        if (kindText is not null)
        {
            if (!KindWords.TryParse(kindText, out var parsed))
            {
                return Invalid(KindWords.Error("kind", kindText));
            }

            kind = parsed;
        }

        if (!TryReadRegion("region", regionText, out var region, out error))
        {
            return Invalid(error);
        }

        var limit = LatestCommand.DefaultLimit;
        return limitText is null || TryReadLimit(limitText, out limit, out error)
            ? Parsed(new LatestCommand(kind, region, limit))
            : Invalid(error);
    }

    private CommandParseResult Summary(CommandArguments args)
    {
        const string Range = "1d to 90d, such as 7d or 30d";
        if (!args.TryGetOne("period", out var periodText, out var error) || !args.TryGetOne("region", out var regionText, out error))
        {
            return Invalid(error);
        }

        var period = SummaryCommand.DefaultPeriod;
        if (periodText is not null)
        {
            if (!DurationValue.TryRead("period", periodText, SummaryCommand.MinPeriod, SummaryCommand.MaxPeriod, Range, out period, out error))
            {
                return Invalid(error);
            }

            if (period.Ticks % TimeSpan.TicksPerDay != 0)
            {
                return Invalid(new CommandError("period", $"period: {Shown.Short(periodText)} is not whole days; {Range}"));
            }
        }

        return TryReadRegion("region", regionText, out var region, out error)
            ? Parsed(new SummaryCommand(period, region))
            : Invalid(error);
    }

    private static CommandParseResult WithEventId(CommandArguments args, Func<EventId, BorderCommand> command)
    {
        if (!args.TryGetOne("id", out var text, out var error))
        {
            return Invalid(error);
        }

        if (text is null)
        {
            return Invalid(new CommandError("id", "id: give an event id, such as evt_chinshwehaw_crossing_closed_2023"));
        }

        return IdValues.TryReadEventId("id", text, out var id, out error) ? Parsed(command(id)) : Invalid(error);
    }

    private static CommandParseResult Search(CommandArguments args)
    {
        if (!args.TryGetOne("text", out var text, out var error) || !args.TryGetOne("since", out var sinceText, out error))
        {
            return Invalid(error);
        }

        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Invalid(new CommandError("text", "text: give the words to search for, such as \"air strike\""));
        }

        if (trimmed.Length < SearchCommand.MinTextLength)
        {
            return Invalid(new CommandError("text", $"text: {Shown.Quoted(trimmed)} is too short; 2 to 200 characters"));
        }

        if (trimmed.Length > SearchCommand.MaxTextLength)
        {
            return Invalid(new CommandError("text", string.Create(CultureInfo.InvariantCulture, $"text: {trimmed.Length} characters is too long; 2 to 200")));
        }

        TimeSpan? since = null;
        if (sinceText is not null)
        {
            if (!DurationValue.TryRead("since", sinceText, TimeSpan.FromMinutes(1), SearchCommand.MaxSince, "such as 24h or 7d; at most 365d", out var parsed, out error))
            {
                return Invalid(error);
            }

            since = parsed;
        }

        return Parsed(new SearchCommand(trimmed, since));
    }

    private CommandParseResult Crossings(CommandArguments args) =>
        args.TryGetOne("region", out var regionText, out var error) && TryReadRegion("region", regionText, out var region, out error)
            ? Parsed(new CrossingsCommand(region))
            : Invalid(error);

    private bool TryReadRegion(string option, string? text, out Region? region, [NotNullWhen(false)] out CommandError? error)
    {
        region = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (!RegionText.TryRead(option, text, gazetteer, out var parsed, out error))
        {
            return false;
        }

        region = parsed;
        return true;
    }

    private static bool TryReadLimit(string text, out int limit, [NotNullWhen(false)] out CommandError? error)
    {
        const string Range = "1 to 25";
        var trimmed = text.Trim();
        limit = 0;
        var digits = trimmed is ['-' or '+', ..] ? trimmed[1..] : trimmed;
        error = digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            ? new CommandError("limit", $"limit: {Shown.Quoted(trimmed)} is not a number; {Range}")
            : !int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit)
                ? new CommandError("limit", $"limit: {Shown.Short(trimmed)} is too {(trimmed[0] == '-' ? "few" : "many")}; {Range}")
                : limit < LatestCommand.MinLimit
                    ? new CommandError("limit", $"limit: {Shown.Short(trimmed)} is too few; {Range}")
                    : limit > LatestCommand.MaxLimit ? new CommandError("limit", $"limit: {Shown.Short(trimmed)} is too many; {Range}") : null;
        return error is null;
    }
}
