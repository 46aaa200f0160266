using BorderAlertBot.Abstractions;
using BorderAlertBot.Delivery;
using BorderAlertBot.Health;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BorderAlertBot.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process is up and serving HTTP (for a supervisor's liveness probe). <c>/readyz</c>: the bot can do
/// its work — the store was migrated at start and answers now, and every configured platform accepted the bot's
/// credentials — 200 when all hold, 503 naming what does not. Neither ever shows a secret.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Alive);
        endpoints.MapGet("/readyz", ReadyAsync);
        return endpoints;
    }

    /// <summary>The process is up and serving HTTP.</summary>
    private static Ok<HealthStatus> Alive() => TypedResults.Ok(new HealthStatus("ok"));

    private static async Task<JsonHttpResult<ReadinessReport>> ReadyAsync(Readiness readiness, ICursorStore cursors, CancellationToken cancellationToken)
    {
        var checks = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["store"] = await StoreAsync(readiness, cursors, cancellationToken) };
        foreach (var (platform, state) in readiness.Platforms)
        {
            checks[platform] = state;
        }

        var ready = checks.Values.All(state => state == Readiness.Ok);
        return TypedResults.Json(new ReadinessReport(ready ? "ready" : "not ready", checks), statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Migrated at start, and one cheap read now (the watcher's cursor, a single row).</summary>
    private static async Task<string> StoreAsync(Readiness readiness, ICursorStore cursors, CancellationToken cancellationToken)
    {
        if (!readiness.IsStoreMigrated)
        {
            return "migrations not done yet";
        }

        try
        {
            await cursors.GetAsync(AlertWatcher.CursorName, cancellationToken);
            return Readiness.Ok;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The type only: a database's message can carry a path or a connection string.
            return $"unreachable ({exception.GetType().Name})";
        }
    }

    public sealed record HealthStatus(string Status);

    public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, string> Checks);
}
