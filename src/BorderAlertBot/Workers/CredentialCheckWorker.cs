using BorderAlertBot.Health;

namespace BorderAlertBot.Workers;

/// <summary>
/// At start, asks every configured platform whether it accepts the bot's credentials, for <c>/readyz</c>. A platform that
/// cannot be reached is asked again with a back-off (5 s, doubling, at most 5 minutes) until it answers; a refusal is
/// final until a restart (the platform's traffic stops, see its auth state).
/// </summary>
public sealed partial class CredentialCheckWorker(IEnumerable<ICredentialCheck> checks, Readiness readiness, TimeProvider timeProvider, ILogger<CredentialCheckWorker> logger) : BackgroundService
{
    public static TimeSpan FirstRetry { get; } = TimeSpan.FromSeconds(5);

    public static TimeSpan MaxRetry { get; } = TimeSpan.FromMinutes(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before the first await, so /readyz says "pending" from the moment the host has started.
        var configured = checks.Where(check => check.IsConfigured).ToList();
        foreach (var check in configured)
        {
            readiness.Expect(check.Platform);
        }

        return Task.WhenAll(configured.Select(check => CheckUntilAnsweredAsync(check, stoppingToken)));
    }

    private async Task CheckUntilAnsweredAsync(ICredentialCheck check, CancellationToken stoppingToken)
    {
        var wait = FirstRetry;
        try
        {
            while (true)
            {
                var verdict = await AskAsync(check, stoppingToken);
                readiness.Record(check.Platform, verdict);
                switch (verdict)
                {
                    case CredentialVerdict.Accepted accepted:
                        Log.Accepted(logger, check.Platform, accepted.Identity);
                        return;
                    case CredentialVerdict.Refused refused:
                        Log.Refused(logger, check.Platform, refused.Reason);
                        return;
                    case CredentialVerdict.Unreachable unreachable:
                        Log.Unreachable(logger, check.Platform, unreachable.Reason, wait.TotalSeconds);
                        break;
                }

                await Task.Delay(wait, timeProvider, stoppingToken);
                wait = wait * 2 < MaxRetry ? wait * 2 : MaxRetry;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the platform answered.
        }
    }

    private static async Task<CredentialVerdict> AskAsync(ICredentialCheck check, CancellationToken stoppingToken)
    {
        try
        {
            return await check.CheckAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A refused connection, a timeout: no answer. The type (and for HTTP the kind of error) only, never a URL.
            return new CredentialVerdict.Unreachable(exception is HttpRequestException { HttpRequestError: var error } ? $"{exception.GetType().Name} ({error})" : exception.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Platform} accepted the bot's credentials ({Identity})")]
        public static partial void Accepted(ILogger logger, string platform, string identity);

        [LoggerMessage(2, LogLevel.Critical, "{Platform} refused the bot's credentials ({Reason}): it is not served, and /readyz says so. Fix the token and restart")]
        public static partial void Refused(ILogger logger, string platform, string reason);

        [LoggerMessage(3, LogLevel.Warning, "{Platform} could not be asked about the bot's credentials ({Reason}); asking again in {Seconds} s")]
        public static partial void Unreachable(ILogger logger, string platform, string reason, double seconds);
    }
}
