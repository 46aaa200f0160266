namespace BorderAlertBot.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work ran, but something the user asked for failed (records rejected, event not found).</summary>
    public const int Failed = 1;

    /// <summary>The configuration or the command line is invalid; nothing ran.</summary>
    public const int InvalidConfiguration = 2;
}
