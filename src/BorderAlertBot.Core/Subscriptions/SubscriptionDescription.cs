using System.Globalization;
using System.Text;

namespace BorderAlertBot.Subscriptions;

/// <summary>A subscription in words, for lists and confirmations; never shows a webhook URL.</summary>
public static class SubscriptionDescription
{
    public static string Filters(SubscriptionFilter filter)
    {
        var parts = new List<string>
        {
            filter.Kinds.Count == 0 ? "all kinds" : string.Join("/", filter.Kinds),
        };
        if (filter.Subtypes.Count > 0)
        {
            parts.Add("subtypes " + string.Join("/", filter.Subtypes));
        }

        parts.Add(filter.Regions.Count == 0 ? "everywhere" : "in " + string.Join(", ", filter.Regions));
        if (filter.MinSeverity > Domain.Severity.Low)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"severity ≥ {(int)filter.MinSeverity} ({filter.MinSeverity})"));
        }

        parts.Add(filter.VerifiedOnly ? "verified only" : "pending too");
        if (filter.Keywords.Count > 0)
        {
            parts.Add("keywords " + string.Join(", ", filter.Keywords.Select(keyword => $"\"{keyword}\"")));
        }

        if (filter.Actors.Count > 0)
        {
            parts.Add("actors " + string.Join(", ", filter.Actors));
        }

        return string.Join(" · ", parts);
    }

    public static string State(Subscription subscription, DateTimeOffset now)
    {
        if (subscription.Paused is { } paused)
        {
            return string.Create(CultureInfo.InvariantCulture, $"PAUSED since {paused.Since:yyyy-MM-dd HH:mm} UTC: {paused.Reason}");
        }

        return subscription.MutedUntil > now
            ? string.Create(CultureInfo.InvariantCulture, $"muted until {subscription.MutedUntil:yyyy-MM-dd HH:mm} UTC")
            : "active";
    }

    /// <summary>"daily digest at 07:30 Asia/Yangon" (and "quiet days send nothing" when set so).</summary>
    public static string Digest(Digests.DigestSchedule digest) =>
        string.Create(CultureInfo.InvariantCulture, $"daily digest at {digest.At:HH\\:mm} {digest.TimeZoneId}")
        + (digest.WhenQuiet == Digests.DigestWhenQuiet.Nothing ? " (quiet days send nothing)" : string.Empty);

    public static string Full(Subscription subscription, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{subscription.Id} → {subscription.Target.Display} [{State(subscription, now)}]");
        text.AppendLine(CultureInfo.InvariantCulture, $"  filters: {Filters(subscription.Filter)}");
        text.Append(CultureInfo.InvariantCulture, $"  delivery: group window {subscription.GroupWindow}, updates {subscription.Updates.ToString().ToLowerInvariant()}");
        if (subscription.Mention is { } mention)
        {
            text.Append(CultureInfo.InvariantCulture, $", mention {mention.Mention} at severity ≥ {(int)mention.AtOrAbove}");
        }

        if (subscription.QuietHours is { } quiet)
        {
            text.Append(CultureInfo.InvariantCulture, $", quiet {quiet.Start:HH\\:mm}–{quiet.End:HH\\:mm} {quiet.TimeZoneId}");
        }

        if (subscription.Digest is { } digest)
        {
            text.Append(", ").Append(Digest(digest));
        }

        return text.ToString();
    }
}
