namespace BorderAlertBot.Testing.Fuzzing;

/// <summary>
/// How many generated cases a property test of a parser runs: a short run in the normal suite (and CI), at least
/// 100,000 when <c>BORDERALERTBOT_LONG_FUZZ=1</c> (the long fuzz, run by hand or at night; see the README's Tests section).
/// </summary>
public static class FuzzRuns
{
    public const string Switch = "BORDERALERTBOT_LONG_FUZZ";

    public const int Long = 100_000;

    public static bool IsLong => Environment.GetEnvironmentVariable(Switch) == "1";

    public static int Cases(int normal = 500) => IsLong ? Math.Max(normal, Long) : normal;
}
