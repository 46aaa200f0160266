namespace BorderAlertBot.Domain;

public enum EventKind
{
    BorderClash,
    CeasefireCall,
    TradeDisruption,
}
