namespace BorderAlertBot.Ingestion.Tests.Infrastructure;

/// <summary>
/// How many generated cases a property test runs: a short run in the normal suite, at least 100,000 when
/// <c>BORDERALERTBOT_LONG_FUZZ=1</c> (the long fuzz, run by hand or in a nightly job).
/// </summary>
internal static class FuzzRuns
{
    public const string Switch = "BORDERALERTBOT_LONG_FUZZ";

    public static int Cases(int normal = 300) => Environment.GetEnvironmentVariable(Switch) == "1" ? Math.Max(normal, 100_000) : normal;
}
