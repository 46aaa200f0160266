namespace BorderAlertBot.Storage;

/// <summary>A write expected a revision that another writer has already moved past.</summary>
public sealed class ConcurrencyException(string message) : BorderAlertBotException(message);
