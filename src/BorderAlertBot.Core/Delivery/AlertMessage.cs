using BorderAlertBot.Alerting;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Delivery;

/// <summary>One chat message: one or more events (a group), what kind of message it is, and who to mention.</summary>
public sealed record AlertMessage(IReadOnlyList<AlertEntry> Entries, string? Mention)
{
    /// <summary>For the curators' channel: pending entries get Approve and Reject instead of the readers' buttons.</summary>
    public bool ForCurators { get; init; }
}

/// <summary>An event as the message shows it, with notes such as "possible ceasefire violation".</summary>
public sealed record AlertEntry(ConflictEvent Event, AlertKind Kind, IReadOnlyList<string> Notes);
