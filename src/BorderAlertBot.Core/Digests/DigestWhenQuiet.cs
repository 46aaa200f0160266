namespace BorderAlertBot.Digests;

/// <summary>What a digest whose window holds no events sends (ARCHITECTURE.md §8).</summary>
public enum DigestWhenQuiet
{
    /// <summary>One line saying the window was quiet, so the channel knows the bot is alive.</summary>
    Line,

    /// <summary>Nothing at all; the slot still counts as done.</summary>
    Nothing,
}
