using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BorderAlertBot.Digests;

namespace BorderAlertBot.Commands;

/// <summary>The channel settings an admin changes: <c>unsubscribe</c>, <c>digest</c>, <c>mute</c>.</summary>
internal sealed partial class CommandBuilder
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm"];

    private static CommandParseResult Unsubscribe(CommandArguments args)
    {
        if (!args.TryGetOne("id", out var text, out var error))
        {
            return Invalid(error);
        }

        if (text is null)
        {
            return Invalid(new CommandError("id", "id: give a subscription id (sub_…) or all"));
        }

        return IdValues.TryReadSubscription("id", text, out var id, out error)
            ? Parsed(id is null ? UnsubscribeCommand.All : new UnsubscribeCommand(id))
            : Invalid(error);
    }

    private static CommandParseResult Digest(CommandArguments args)
    {
        if (!args.TryGetOne("time", out var timeText, out var error)
            || !args.TryGetOne("timezone", out var zoneText, out error)
            || !args.TryGetOne("quiet", out var quietText, out error))
        {
            return Invalid(error);
        }

        if (timeText is null)
        {
            return Invalid(new CommandError("time", "time: give a time such as 07:30, or off"));
        }

        TimeOnly? at = null;
        var trimmed = timeText.Trim();
        if (!string.Equals(trimmed, "off", StringComparison.OrdinalIgnoreCase))
        {
            if (!TimeOnly.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Invalid(new CommandError("time", $"time: {Shown.Quoted(trimmed)} is not a time; use HH:MM such as 07:30, or off"));
            }

            at = parsed;
        }

        string? zone = DigestCommand.DefaultTimeZoneId;
        if (zoneText is not null && !TimeZoneValue.TryRead("timezone", zoneText, out zone, out error))
        {
            return Invalid(error);
        }

        var whenQuiet = DigestWhenQuiet.Line;
        if (quietText is not null && !TryReadWhenQuiet(quietText, out whenQuiet, out error))
        {
            return Invalid(error);
        }

        return Parsed(new DigestCommand(at, zone, whenQuiet));
    }

    private static bool TryReadWhenQuiet(string text, out DigestWhenQuiet whenQuiet, [NotNullWhen(false)] out CommandError? error)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        error = null;
        switch (trimmed)
        {
            case "line":
                whenQuiet = DigestWhenQuiet.Line;
                return true;
            case "nothing" or "none" or "skip" or "silent":
                whenQuiet = DigestWhenQuiet.Nothing;
                return true;
        }

        whenQuiet = DigestWhenQuiet.Line;
        var close = ClosestWord.Find(trimmed, ["line", "nothing"]);
        error = close is { Word: var word }
            ? new CommandError("quiet", $"quiet: {Shown.Quoted(text)} is not line or nothing; did you mean {word}?", word)
            : new CommandError("quiet", $"quiet: {Shown.Quoted(text)} is not line or nothing");
        return false;
    }

    private static CommandParseResult Mute(CommandArguments args)
    {
        const string Range = "1m to 30d, such as 2h or 1d";
        if (!args.TryGetOne("duration", out var text, out var error))
        {
            return Invalid(error);
        }

        if (text is null)
        {
            return Invalid(new CommandError("duration", $"duration: give how long, {Range}"));
        }

        return DurationValue.TryRead("duration", text, MuteCommand.MinDuration, MuteCommand.MaxDuration, Range, out var duration, out error)
            ? Parsed(new MuteCommand(duration))
            : Invalid(error);
    }
}
