using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>What a curator's action did: the revisions it wrote and a line saying so, or why it was refused.</summary>
public sealed record CurationOutcome(bool Succeeded, string Message, IReadOnlyList<ConflictEvent> Written)
{
    public static CurationOutcome Done(string message, params ConflictEvent[] written) => new(true, message, written);

    public static CurationOutcome Refused(string message) => new(false, message, []);
}
