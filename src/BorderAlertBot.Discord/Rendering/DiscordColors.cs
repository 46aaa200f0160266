using BorderAlertBot.Domain;

namespace BorderAlertBot.Discord.Rendering;

/// <summary>The colour bar of an embed: by severity for events, neutral for answers, muted for problems.</summary>
internal static class DiscordColors
{
    public const int Red = 0xE74C3C;
    public const int Orange = 0xE67E22;
    public const int Amber = 0xF0A500;
    public const int Blue = 0x3498DB;
    public const int Grey = 0x95A5A6;

    /// <summary>Discord's blurple, for answers that are not about one event.</summary>
    public const int Answer = 0x5865F2;

    /// <summary>A dark grey for "that did not work".</summary>
    public const int Problem = 0x4F545C;

    public static int Of(Severity severity) => severity switch
    {
        Severity.Critical => Red,
        Severity.High => Orange,
        Severity.Significant => Amber,
        Severity.Moderate => Blue,
        _ => Grey,
    };
}
