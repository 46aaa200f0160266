using BorderAlertBot.Domain;

namespace BorderAlertBot.Commands;

/// <summary>
/// Approve or Reject pressed on a candidate in the curators' channel. Not a <c>/border</c> subcommand anyone types: it
/// comes only from those buttons, and only configured curators may use it (<see cref="Curation.CurationOptions.Curators"/>).
/// </summary>
public sealed record CurateCommand(CurationDecision Decision, EventId Id) : BorderCommand
{
    public override string Name => "curate";

    public override bool RequiresAdmin => false;
}
