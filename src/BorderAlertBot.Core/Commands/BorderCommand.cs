namespace BorderAlertBot.Commands;

/// <summary>
/// One <c>/border</c> subcommand, checked and typed (ARCHITECTURE.md §7), the same whether it came from Slack's text or
/// Discord's typed options. Read with <see cref="CommandParser"/>.
/// </summary>
public abstract record BorderCommand
{
    /// <summary>The subcommand as typed after <c>/border</c>: <c>latest</c>, <c>subscribe</c>, …</summary>
    public abstract string Name { get; }

    /// <summary>Whether only a channel admin may run it (Discord: Manage Channels; Slack: configured admins).</summary>
    public abstract bool RequiresAdmin { get; }
}
