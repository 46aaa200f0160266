namespace BorderAlertBot.Domain;

public enum FigureKind
{
    Fatalities,
    Injured,
    Displaced,
    TradeValueUsdPerYear,
    Trucks,
    CargoValueUsd,
}
