using BorderAlertBot.Curation;
using BorderAlertBot.Domain;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// What one ACLED row became: an event, the errors that stop it, or — for a row of a kind the bot does not track (a
/// protest, an arrest, a country on none of our borders) — the reason it is out of scope, which is not an error.
/// </summary>
public sealed record AcledMapResult(ConflictEvent? Event, IReadOnlyList<ImportError> Errors, string? OutOfScope)
{
    public static AcledMapResult Mapped(ConflictEvent conflictEvent) => new(conflictEvent, [], null);

    public static AcledMapResult Invalid(IReadOnlyList<ImportError> errors) => new(null, errors, null);

    public static AcledMapResult Skipped(string reason) => new(null, [], reason);
}
