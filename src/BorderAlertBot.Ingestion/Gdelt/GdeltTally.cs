namespace BorderAlertBot.Ingestion.Gdelt;

/// <summary>
/// What one export file held: its rows; those outside the configured countries, and those whose CAMEO code is none of
/// the three kinds (skipped, not errors); rows that could not be read; and the candidates left after duplicates merged.
/// </summary>
internal sealed record GdeltTally(int Rows, int OutsideScope, int OtherCodes, int Errors, int Matched, int Candidates);
