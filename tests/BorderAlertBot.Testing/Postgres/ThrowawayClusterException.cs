namespace BorderAlertBot.Testing.Postgres;

/// <summary>No throwaway cluster could be started here (no initdb, or it failed); the message says why.</summary>
public sealed class ThrowawayClusterException(string message) : Exception(message);
