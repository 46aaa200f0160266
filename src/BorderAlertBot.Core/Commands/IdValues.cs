using System.Diagnostics.CodeAnalysis;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Commands;

/// <summary>Event and subscription ids as options, with a suggestion when only the case or the prefix is off.</summary>
internal static class IdValues
{
    public static bool TryReadEventId(string option, string text, out EventId id, [NotNullWhen(false)] out CommandError? error)
    {
        var trimmed = text.Trim();
        error = null;
        if (EventId.TryParse(trimmed, out id))
        {
            return true;
        }

        if (trimmed.Length == 0)
        {
            error = new CommandError(option, $"{option}: no value given; give an event id, such as evt_chinshwehaw_crossing_closed_2023");
            return false;
        }

        var lower = trimmed.ToLowerInvariant();
        var guess = lower.StartsWith("evt_", StringComparison.Ordinal) ? lower : "evt_" + lower;
        error = EventId.TryParse(guess, out _)
            ? new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not an event id; did you mean {guess}?", guess)
            : new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not an event id; they look like evt_chinshwehaw_crossing_closed_2023");
        return false;
    }

    /// <summary>A subscription id, or <c>all</c> (null).</summary>
    public static bool TryReadSubscription(string option, string text, out SubscriptionId? id, [NotNullWhen(false)] out CommandError? error)
    {
        var trimmed = text.Trim();
        error = null;
        id = null;
        if (string.Equals(trimmed, "all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (SubscriptionId.TryParse(trimmed, out var parsed))
        {
            id = parsed;
            return true;
        }

        if (trimmed.Length == 0)
        {
            error = new CommandError(option, $"{option}: no value given; give a subscription id (sub_…) or all");
            return false;
        }

        var lower = trimmed.ToLowerInvariant();
        var guess = lower.StartsWith("sub_", StringComparison.Ordinal) ? lower : "sub_" + lower;
        error = SubscriptionId.TryParse(guess, out _)
            ? new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a subscription id; did you mean {guess}?", guess)
            : new CommandError(option, $"{option}: {Shown.Quoted(trimmed)} is not a subscription id; use sub_ and 10 letters or digits, or all");
        return false;
    }
}
