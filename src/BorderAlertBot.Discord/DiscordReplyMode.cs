namespace BorderAlertBot.Discord;

/// <summary>How an update shows as a reply (platforms/discord.md §3).</summary>
public enum DiscordReplyMode
{
    /// <summary>In a thread started from the alert message (the first reply starts it).</summary>
    Thread,

    /// <summary>As a message in the channel that references the alert (<c>message_reference</c>).</summary>
    Reference,
}
