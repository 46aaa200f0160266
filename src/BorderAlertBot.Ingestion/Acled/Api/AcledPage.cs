namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>One page of an ACLED answer: its rows, and whether it was full (so another page may follow).</summary>
internal sealed record AcledPage<T>(IReadOnlyList<T> Rows, bool IsFull);
