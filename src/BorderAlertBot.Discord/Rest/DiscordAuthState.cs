using BorderAlertBot.Telemetry;
using Microsoft.Extensions.Logging;

namespace BorderAlertBot.Discord.Rest;

/// <summary>
/// Whether Discord still accepts the bot token. A 401 (or 40001, 50014) means it was revoked or mistyped: every further
/// call would be refused and count toward the IP ban (platforms/discord.md §5), so all Discord traffic stops until the
/// bot is restarted with a good token, and the operator is told loudly, once.
/// </summary>
public sealed partial class DiscordAuthState(ILogger<DiscordAuthState> logger, BorderAlertBotMetrics? metrics = null)
{
    private int _stopped;

    /// <summary>How long held-back messages wait before asking again (they are not sent while stopped).</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromMinutes(15);

    public bool IsStopped => Volatile.Read(ref _stopped) == 1;

    public void Stop(string response)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            metrics?.PlatformPaused("discord", "token_refused");
            Log.TokenRejected(logger, response);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Critical, "Discord rejected the bot token ({Response}): all Discord traffic is stopped. Fix Discord:BotToken and restart the bot")]
        public static partial void TokenRejected(ILogger logger, string response);
    }
}
