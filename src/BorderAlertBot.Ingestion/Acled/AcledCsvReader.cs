using System.Runtime.CompilerServices;
using BorderAlertBot.Curation;
using CsvHelper;

namespace BorderAlertBot.Ingestion.Acled;

/// <summary>
/// Reads an ACLED CSV export row by row without loading the file: columns found by header name (both layouts, extra
/// columns ignored), each record with the file line it starts on (a quoted note may span lines), bad rows as errors
/// naming line and column while their neighbours still import, and out-of-scope rows counted in the tally. Input
/// that cannot be read on (a quote never closed, a record over 1 MiB) ends the file with one error at its line.
/// </summary>
public static class AcledCsvReader
{
    /// <summary>Larger than any real row (notes are a few hundred characters), small enough that a runaway quote cannot eat memory.</summary>
    private const int MaxRecordBytes = 1 << 20;

    public static async IAsyncEnumerable<ImportRecord> ReadFileAsync(string path, AcledReadTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await foreach (var record in ReadAsync(stream, tally, cancellationToken))
        {
            yield return record;
        }
    }

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream stream, AcledReadTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var unterminated = new HashSet<long>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrackLineNumbers = true,

            // Most columns repeat (event types, places, actors, sources): each distinct value becomes one string, shared by
            // every event that holds it. An import holds thousands of events in flight, and at a million rows this cut what
            // reading and mapping allocate by a sixth and the garbage collector's pauses with it.
            PoolStrings = true,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = malformed =>
            {
                if (malformed.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unterminated.Add(malformed.LineNumber);
                }
            },
        };
        await using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        AcledColumns? columns = null;
        string? failure = "the file is empty: expected an ACLED export with its header row";
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            if (reader.Headers.Count > 0)
            {
                columns = AcledColumns.TryResolve(reader.Headers, out failure);
            }
        }
        catch (CsvFormatException exception)
        {
            failure = $"the header cannot be read ({exception.Message})";
        }

        if (columns is null)
        {
            yield return FileError(0, 1, 0, failure ?? "the header cannot be read");
            yield break;
        }

        var fields = columns.Fields(reader.GetString);
        var index = 0;
        while (true)
        {
            bool more;
            CsvFormatException? broken = null;
            try
            {
                more = await reader.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException exception)
            {
                more = false;
                broken = exception;
            }

            if (broken is not null)
            {
                yield return FileError(index, (int)Math.Max(1, broken.LineNumber), broken.ByteOffset,
                    $"a record over {MaxRecordBytes / 1024} KiB starts here (a quote never closed?), so reading stopped");
            }

            if (!more)
            {
                yield break;
            }

            var line = (int)reader.LineNumber;
            var position = reader.ByteOffset;
            if (unterminated.Contains(line))
            {
                yield return FileError(index++, line, position, "a quoted field opened in this record is never closed, so the rest of the file is one field; reading stopped");
                yield break;
            }

            var row = AcledRow.From(fields);
            var mapped = AcledEventMapper.Map(row, index, line);
            tally.Read(mapped);
            if (mapped.Event is { } conflictEvent)
            {
                yield return ImportRecord.Valid(index, line, position, conflictEvent, null);
            }
            else if (mapped.Errors.Count > 0)
            {
                yield return ImportRecord.Invalid(index, line, position, mapped.Errors);
            }

            index++;
        }
    }

    private static ImportRecord FileError(int index, int line, long position, string message) =>
        ImportRecord.Invalid(index, line, position, [new ImportError(index, line, string.Empty, message)]);
}
