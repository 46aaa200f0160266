namespace BorderAlertBot.Commands;

/// <summary><c>/border help [subcommand]</c>: usage with examples, or one subcommand in full.</summary>
/// <param name="Topic">A subcommand name (<see cref="SubcommandNames"/>), or null for the overview.</param>
public sealed record HelpCommand(string? Topic) : BorderCommand
{
    public override string Name => SubcommandNames.Help;

    public override bool RequiresAdmin => false;
}
