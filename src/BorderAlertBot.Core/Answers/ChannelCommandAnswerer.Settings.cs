using System.Globalization;
using BorderAlertBot.Commands;
using BorderAlertBot.Digests;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Answers;

/// <summary><c>digest</c>, <c>mute</c> and <c>unmute</c>: settings of every subscription of the channel.</summary>
public sealed partial class ChannelCommandAnswerer
{
    private async Task<Answer> DigestAsync(DigestCommand command, CommandCaller caller, CancellationToken cancellationToken)
    {
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        if (own.Count == 0)
        {
            return Answer.Problem("digest: this channel has no subscription yet, and a digest covers what it subscribes to; start with /border subscribe");
        }

        var now = timeProvider.GetUtcNow();
        if (command.At is not { } at)
        {
            var had = own.Count(subscription => subscription.Digest is not null);
            await UpdateAllAsync(own, subscription => subscription with { Digest = null }, cancellationToken);
            return new Answer("Daily digest off", [new AnswerBlock.Paragraph(had == 0 ? "This channel had no daily digest." : "This channel gets no daily digest any more.")]);
        }

        var schedule = new DigestSchedule(at, command.TimeZoneId, now, command.WhenQuiet);
        await UpdateAllAsync(own, subscription => subscription with { Digest = schedule }, cancellationToken);
        var next = schedule.NextAfter(now).At;
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById(command.TimeZoneId));
        var covers = string.Join(", ", own.Select(subscription => subscription.Id.Value));
        var quiet = command.WhenQuiet == DigestWhenQuiet.Line ? "a day without events sends one line saying so" : "a day without events sends nothing";
        return new Answer(string.Create(CultureInfo.InvariantCulture, $"Daily digest at {at:HH\\:mm} {command.TimeZoneId}"),
        [
            new AnswerBlock.Facts(
            [
                new Fact("First", string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} ({local:zzz}), {next.UtcDateTime:yyyy-MM-dd HH:mm} UTC")),
                new Fact("Covers", $"what {covers} asks for, since the digest before"),
                new Fact("Quiet days", quiet),
            ]),
        ]);
    }

    private async Task<Answer> MuteAsync(MuteCommand command, CommandCaller caller, CancellationToken cancellationToken)
    {
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        if (own.Count == 0)
        {
            return Answer.Problem("mute: this channel has no subscriptions, so there is nothing to hold");
        }

        var until = timeProvider.GetUtcNow() + command.Duration;
        await UpdateAllAsync(own, subscription => subscription with { MutedUntil = until }, cancellationToken);
        var breakThrough = delivery.Value.BreakThrough;
        return new Answer(string.Create(CultureInfo.InvariantCulture, $"Muted for {DurationText.Format(command.Duration)}"),
        [
            new AnswerBlock.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Alerts wait until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC and then come as one batch; {breakThrough} ones ({(int)breakThrough}/5) still come at once. /border unmute ends it early.")),
        ]);
    }

    private async Task<Answer> UnmuteAsync(CommandCaller caller, CancellationToken cancellationToken)
    {
        var own = await subscriptions.ListForTargetAsync(caller.Channel, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var muted = own.Where(subscription => subscription.MutedUntil > now).ToList();
        if (muted.Count == 0)
        {
            return new Answer("Not muted", [new AnswerBlock.Paragraph("This channel was not muted; alerts come as they happen.")]);
        }

        foreach (var subscription in muted)
        {
            await held.UnmuteAsync(subscription, cancellationToken);
        }

        return new Answer("Unmuted", [new AnswerBlock.Paragraph("Alerts come as they happen again; the ones held during the mute are on their way.")]);
    }

    private async Task UpdateAllAsync(IEnumerable<Subscription> chosen, Func<Subscription, Subscription> change, CancellationToken cancellationToken)
    {
        foreach (var subscription in chosen)
        {
            await subscriptions.UpdateAsync(change(subscription), cancellationToken);
        }
    }
}
