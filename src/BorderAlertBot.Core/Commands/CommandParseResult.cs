namespace BorderAlertBot.Commands;

/// <summary>What <see cref="CommandParser"/> read: a command, or an error to show the user.</summary>
public abstract record CommandParseResult
{
    private CommandParseResult()
    {
    }

    public sealed record Parsed(BorderCommand Command) : CommandParseResult;

    public sealed record Invalid(CommandError Error) : CommandParseResult;
}
