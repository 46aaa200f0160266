using BorderAlertBot.Abstractions;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Sources;

/// <summary>
/// Polls one source once and keeps its state: the records go through the importer under the source's trust, the
/// withdrawn ids are retracted, and only then is the new cursor stored, so a crash repeats a poll rather than skipping
/// one. A failure backs off exponentially; after <see cref="SourcesOptions.FailuresBeforeDisable"/> in a row the source
/// is disabled with the reason until an operator enables it again (<c>sources enable</c>).
/// </summary>
public sealed partial class SourceRunner(
    ISourceStateStore states,
    EventImporter importer,
    TimeProvider timeProvider,
    IOptions<SourcesOptions> options,
    ILogger<SourceRunner> logger)
{
    /// <summary>The state of <paramref name="source"/>, or a new one when it was never polled.</summary>
    public async Task<SourceState> GetStateAsync(IEventSource source, CancellationToken cancellationToken) =>
        await states.TryGetAsync(source.Name, cancellationToken) ?? SourceState.New(source.Name);

    /// <summary>Polls <paramref name="source"/> now (whether or not it is due, unless it is disabled) and returns its new state.</summary>
    public async Task<SourceState> RunAsync(IEventSource source, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(source, cancellationToken);
        if (state.IsDisabled)
        {
            return state;
        }

        SourcePoll poll;
        ImportSummary summary;
        var withdrawn = 0;
        try
        {
            poll = await source.PollAsync(state, cancellationToken);
            var trust = options.Value.TrustFor(source);
            summary = await importer.ImportAsync(
                poll.Records.ToAsyncEnumerable(),
                new ImportOptions(DryRun: false, Curator: source.Name) { SourceTrust = trust, MergeReports = source.MergesReports },
                cancellationToken);
            if (poll.Withdrawn.Count > 0)
            {
                withdrawn = await importer.WithdrawAsync(poll.Withdrawn, $"withdrawn by {source.Name}", source.Name, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failed = await FailAsync(state, exception, cancellationToken);
            return failed;
        }

        var now = timeProvider.GetUtcNow();
        var next = state with
        {
            Cursor = poll.Cursor,
            LastSuccessAt = now,
            ConsecutiveFailures = 0,
            ItemsSeen = state.ItemsSeen + poll.Records.Count,
            NextPollAt = poll.HasMore ? now : now + source.Interval,
        };
        await states.SaveAsync(next, cancellationToken);
        Log.Polled(logger, source.Name, poll.Records.Count, summary.Added, summary.Revised, summary.Rejected, withdrawn);
        foreach (var error in summary.Errors.Take(5))
        {
            Log.RecordRejected(logger, source.Name, error.ToString());
        }

        return next;
    }

    /// <summary>Clears a disabled source's reason and failures so it is polled at once.</summary>
    public async Task<SourceState> EnableAsync(string name, CancellationToken cancellationToken)
    {
        var state = await states.TryGetAsync(name, cancellationToken) ?? SourceState.New(name);
        var enabled = state with { DisabledReason = null, ConsecutiveFailures = 0, NextPollAt = timeProvider.GetUtcNow() };
        await states.SaveAsync(enabled, cancellationToken);
        return enabled;
    }

    private async Task<SourceState> FailAsync(SourceState state, Exception exception, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var failures = state.ConsecutiveFailures + 1;
        var error = Describe(exception);
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 30))));
        var disabled = failures >= settings.FailuresBeforeDisable
            ? $"disabled after {failures} failed polls in a row; the last: {error}"
            : null;
        var next = state with
        {
            LastErrorAt = now,
            LastError = error,
            ConsecutiveFailures = failures,
            NextPollAt = disabled is null ? now + delay : null,
            DisabledReason = disabled,
        };
        await states.SaveAsync(next, cancellationToken);
        if (disabled is null)
        {
            Log.PollFailed(logger, state.Name, failures, delay, error);
        }
        else
        {
            Log.SourceDisabled(logger, state.Name, disabled);
        }

        return next;
    }

    /// <summary>
    /// One line an operator can act on. Sources throw <see cref="SourceException"/> with a message written for that (and
    /// free of credentials); anything else is named by its type and message, never its stack.
    /// </summary>
    private static string Describe(Exception exception) => exception switch
    {
        SourceException source => source.Message,
        HttpRequestException http => http.StatusCode is { } status ? $"HTTP {(int)status} {status}" : $"network error: {http.HttpRequestError}",
        TaskCanceledException => "timed out",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Source {Source}: {Records} records ({Added} added, {Revised} revised, {Rejected} rejected), {Withdrawn} withdrawn")]
        public static partial void Polled(ILogger logger, string source, int records, int added, int revised, int rejected, int withdrawn);

        [LoggerMessage(2, LogLevel.Warning, "Source {Source}: a record was rejected: {Error}")]
        public static partial void RecordRejected(ILogger logger, string source, string error);

        [LoggerMessage(3, LogLevel.Warning, "Source {Source}: poll failed ({Failures} in a row), next try in {Delay}: {Error}")]
        public static partial void PollFailed(ILogger logger, string source, int failures, TimeSpan delay, string error);

        [LoggerMessage(4, LogLevel.Error, "Source {Source} is {Reason}. Fix it, then run 'sources enable {Source}'.")]
        public static partial void SourceDisabled(ILogger logger, string source, string reason);
    }
}
