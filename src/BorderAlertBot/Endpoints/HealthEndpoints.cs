using Microsoft.AspNetCore.Http.HttpResults;

namespace BorderAlertBot.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Alive);
        return endpoints;
    }

    /// <summary>The process is up and serving HTTP.</summary>
    private static Ok<HealthStatus> Alive() => TypedResults.Ok(new HealthStatus("ok"));

    public sealed record HealthStatus(string Status);
}
