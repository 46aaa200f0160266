using BorderAlertBot.Domain;

namespace BorderAlertBot.Curation;

/// <summary>
/// One record read from an import source: the event it describes, or the errors that stop it.
/// <paramref name="Position"/> is how far into the input the reader has got, for progress.
/// </summary>
public sealed record ImportRecord(int Index, int Line, long Position, ConflictEvent? Event, IReadOnlyList<ImportError> Errors, string? Curator)
{
    public static ImportRecord Valid(int index, int line, long position, ConflictEvent conflictEvent, string? curator) =>
        new(index, line, position, conflictEvent, [], curator);

    public static ImportRecord Invalid(int index, int line, long position, IReadOnlyList<ImportError> errors) =>
        new(index, line, position, null, errors, null);
}
