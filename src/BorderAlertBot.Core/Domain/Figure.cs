using System.Globalization;
namespace BorderAlertBot.Domain;

/// <summary>A number as one party reported it. Figures are never merged: two reports of one kind are two figures.</summary>
public sealed record Figure(FigureKind Kind, long Value, string ReportedBy, string? Note = null)
{
    public string Describe()
    {
        var value = Kind switch
        {
            FigureKind.Fatalities => string.Create(CultureInfo.InvariantCulture, $"{Value:N0} killed"),
            FigureKind.Injured => string.Create(CultureInfo.InvariantCulture, $"{Value:N0} injured"),
            FigureKind.Displaced => string.Create(CultureInfo.InvariantCulture, $"{Value:N0} displaced"),
            FigureKind.TradeValueUsdPerYear => string.Create(CultureInfo.InvariantCulture, $"{Money(Value)}/yr trade affected"),
            FigureKind.Trucks => string.Create(CultureInfo.InvariantCulture, $"{Value:N0} trucks"),
            FigureKind.CargoValueUsd => string.Create(CultureInfo.InvariantCulture, $"{Money(Value)} cargo"),
            _ => Value.ToString("N0", CultureInfo.InvariantCulture),
        };
        return $"{value} (as reported by {ReportedBy})";
    }

    private static string Money(long usd) => usd switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"US${usd / 1_000_000_000d:0.##} bn"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"US${usd / 1_000_000d:0.##} m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"US${usd:N0}"),
    };
}
