using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>Adds what the store derives rather than the source states (the border and the distance to it) before import.</summary>
public interface IEventEnricher
{
    ConflictEvent Enrich(ConflictEvent conflictEvent);
}
