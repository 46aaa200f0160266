using BorderAlertBot.Domain;
using BorderAlertBot.Geography;

namespace BorderAlertBot.Curation;

/// <summary>Places each imported event on its border (pair and distance) with the bundled geography.</summary>
public sealed class BorderEnrichment(BorderLocator locator) : IEventEnricher
{
    public ConflictEvent Enrich(ConflictEvent conflictEvent) => locator.Enrich(conflictEvent);
}
