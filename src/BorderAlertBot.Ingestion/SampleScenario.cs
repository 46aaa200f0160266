using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.CuratedJson;

namespace BorderAlertBot.Ingestion;

/// <summary>
/// The bundled Myanmar–China scenario (Oct 2023 – Mar 2024) in curated JSON: the events first, then their later
/// revisions and a retraction, imported in that order.
/// </summary>
public static class SampleScenario
{
    private const string Prefix = "BorderAlertBot.Sample.";

    /// <summary>The steps in order, by file name.</summary>
    public static IReadOnlyList<string> Steps { get; } =
        typeof(SampleScenario).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<ImportRecord> Read(string step)
    {
        using var stream = typeof(SampleScenario).Assembly.GetManifestResourceStream(Prefix + step)
            ?? throw new ArgumentException($"No sample step named {step}.", nameof(step));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return CuratedJsonReader.Read(copy.ToArray()).ToList();
    }
}
