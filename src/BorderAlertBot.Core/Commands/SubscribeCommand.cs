using BorderAlertBot.Subscriptions;

namespace BorderAlertBot.Commands;

/// <summary>
/// <c>/border subscribe [kinds] [subtypes] [regions] [min-severity] [verified-only] [keywords] [actors] [window] [updates]</c>:
/// subscribe this channel. Two commands are equal when their filters hold the same values in the same order
/// (<see cref="SubscriptionFilter"/>'s lists compare by reference on their own).
/// </summary>
/// <param name="GroupWindow">Events this close together go out as one message; zero to <see cref="MaxGroupWindow"/>.</param>
/// <param name="Updates">How a revision of an alerted event shows: an edit (the default), a reply in its thread, both or none.</param>
public sealed record SubscribeCommand(SubscriptionFilter Filter, TimeSpan GroupWindow, UpdateMode Updates = UpdateMode.Edit) : BorderCommand
{
    public const int MaxRegions = 10;
    public const int MaxWords = 10;
    public const int MinWordLength = 2;
    public const int MaxWordLength = 100;

    public static TimeSpan MaxGroupWindow { get; } = TimeSpan.FromHours(24);

    public override string Name => SubcommandNames.Subscribe;

    public override bool RequiresAdmin => true;

    public bool Equals(SubscribeCommand? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && GroupWindow == other.GroupWindow
            && Updates == other.Updates
            && Filter.MinSeverity == other.Filter.MinSeverity
            && Filter.VerifiedOnly == other.Filter.VerifiedOnly
            && Filter.Kinds.SequenceEqual(other.Filter.Kinds)
            && Filter.Subtypes.SequenceEqual(other.Filter.Subtypes)
            && Filter.Regions.SequenceEqual(other.Filter.Regions)
            && Filter.Keywords.SequenceEqual(other.Filter.Keywords, StringComparer.Ordinal)
            && Filter.Actors.SequenceEqual(other.Filter.Actors, StringComparer.Ordinal));

    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(GroupWindow, Updates), Filter.MinSeverity, Filter.VerifiedOnly, Filter.Kinds.Count, Filter.Subtypes.Count, Filter.Regions.Count, Filter.Keywords.Count, Filter.Actors.Count);
}
