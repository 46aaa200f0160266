namespace BorderAlertBot.Commands;

/// <summary>The names of the <c>/border</c> subcommands, as typed and as registered with Discord.</summary>
public static class SubcommandNames
{
    public const string Help = "help";
    public const string Latest = "latest";
    public const string Summary = "summary";
    public const string Event = "event";
    public const string Search = "search";
    public const string Crossings = "crossings";
    public const string Why = "why";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Subscriptions = "subscriptions";
    public const string Digest = "digest";
    public const string Mute = "mute";
    public const string Unmute = "unmute";
}
