namespace BorderAlertBot.Curation;

/// <summary>Why one record was not imported: where it is in the file (0-based index, 1-based line) and which field is wrong.</summary>
public sealed record ImportError(int Index, int Line, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0
            ? $"line {Line} (record {Index}): {Message}"
            : $"line {Line} (record {Index}), {Field}: {Message}";
}
