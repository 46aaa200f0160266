using System.Globalization;
using System.Text.RegularExpressions;

namespace BorderAlertBot.Tests.Support;

/// <summary>A Prometheus text exposition read into samples: name, labels, value (comments skipped).</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Samples { get; } = Parse(text);

    /// <summary>The value of the one sample of <paramref name="name"/> that carries every label given; fails if none or several.</summary>
    public double Value(string name, params (string Label, string Value)[] labels)
    {
        var found = Samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Label) == label.Value)).ToList();
        Assert.True(found.Count == 1, $"{found.Count} samples of {name} with {string.Join(", ", labels)}; the scrape:{Environment.NewLine}{Text}");
        return found[0].Value;
    }

    private static List<(string, IReadOnlyDictionary<string, string>, double)> Parse(string text)
    {
        var samples = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#') || Sample().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(label => label.Groups["name"].Value, label => label.Groups["value"].Value, StringComparer.Ordinal);
            samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Label();
}
