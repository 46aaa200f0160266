using System.Globalization;
using System.Text.Json;

namespace BorderAlertBot.Benchmarks;

/// <summary>One figure of a scenario, printed as a JSON line: {"scenario":…,"metric":…,"value":…,"unit":…}.</summary>
public sealed record Measurement(string Scenario, string Metric, double Value, string Unit)
{
    public void Print()
    {
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = Scenario,
            ["metric"] = Metric,
            ["value"] = Math.Round(Value, 3),
            ["unit"] = Unit,
        });
        Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
    }
}
