using System.Runtime.CompilerServices;
using System.Text.Json;
using BorderAlertBot.Curation;

namespace BorderAlertBot.Ingestion.CuratedJson;

/// <summary>
/// Reads the curated JSON format record by record, with the line each record starts on, so an error in one record
/// is reported with its line and field while the others still import. A syntax error ends the file: what came before
/// it is read, and the error says where it is.
/// </summary>
public static class CuratedJsonReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        foreach (var record in Read(bytes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    public static IEnumerable<ImportRecord> Read(ReadOnlyMemory<byte> utf8)
    {
        var cursor = new Cursor(utf8);
        return cursor.ReadAll();
    }

    /// <summary>
    /// Walks the bytes with a <see cref="Utf8JsonReader"/> re-created from its saved state for each record, since a ref
    /// struct cannot live across an iterator's yield.
    /// </summary>
    private sealed class Cursor(ReadOnlyMemory<byte> utf8)
    {
        private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        private readonly ReadOnlyMemory<byte> _utf8 = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        private JsonReaderState _state = new(ReaderOptions);
        private long _offset;
        private long _linesCountedTo;
        private int _line = 1;
        private string? _fileCurator;
        private int _index;

        public IEnumerable<ImportRecord> ReadAll()
        {
            var error = Begin(out var isEnvelope);
            if (error is not null)
            {
                yield return error;
                yield break;
            }

            while (true)
            {
                var next = Next(isEnvelope, out var done);
                if (next is not null)
                {
                    yield return next;
                }

                if (done)
                {
                    yield break;
                }
            }
        }

        /// <summary>Positions the reader inside the records array: the file's "events" array, or a top-level array.</summary>
        private ImportRecord? Begin(out bool isEnvelope)
        {
            isEnvelope = false;
            if (IsBlank(_utf8.Span))
            {
                return FileError(0, "the file is empty: expected {\"events\": [...]} or an array of events");
            }

            var reader = Reader();
            try
            {
                if (!reader.Read())
                {
                    return FileError(0, "the file is empty: expected {\"events\": [...]} or an array of events");
                }

                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    Save(ref reader);
                    return null;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return FileError(reader.TokenStartIndex, "expected {\"events\": [...]} or an array of events");
                }

                isEnvelope = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    var nameStart = reader.TokenStartIndex;
                    reader.Read();
                    switch (name)
                    {
                        case "events" when reader.TokenType == JsonTokenType.StartArray:
                            Save(ref reader);
                            _fileCurator ??= CuratorAfterEvents(reader);
                            return null;
                        case "curator" when reader.TokenType == JsonTokenType.String:
                            _fileCurator = reader.GetString();
                            break;
                        case "$schema":
                            reader.Skip();
                            break;
                        default:
                            return FileError(nameStart, $"unexpected property '{name}' before \"events\": the file holds \"$schema\", \"curator\" and \"events\" (an array)");
                    }
                }

                return FileError(reader.TokenStartIndex, "no \"events\" array");
            }
            catch (JsonException exception)
            {
                return SyntaxError(exception, _index);
            }
        }

        /// <summary>
        /// JSON objects are unordered, so a "curator" written after the events still applies to them: look past the
        /// array once (a fast skip) before reading the records.
        /// </summary>
        private static string? CuratorAfterEvents(Utf8JsonReader lookahead)
        {
            try
            {
                lookahead.Skip();
                while (lookahead.Read() && lookahead.TokenType == JsonTokenType.PropertyName)
                {
                    var name = lookahead.GetString();
                    lookahead.Read();
                    if (name == "curator" && lookahead.TokenType == JsonTokenType.String)
                    {
                        return lookahead.GetString();
                    }

                    lookahead.Skip();
                }
            }
            catch (JsonException)
            {
                // A syntax error is reported where the records reach it.
            }

            return null;
        }

        private ImportRecord? Next(bool isEnvelope, out bool done)
        {
            done = false;
            var index = _index;
            var reader = Reader();
            try
            {
                if (!reader.Read())
                {
                    done = true;
                    return FileError(reader.TokenStartIndex, "the file ends before its events array is closed");
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    done = true;
                    return isEnvelope ? Trailer(ref reader) : null;
                }

                var start = reader.TokenStartIndex;
                var line = LineAt(_offset + start);
                _index++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    Save(ref reader);
                    return ImportRecord.Invalid(index, line, _offset, [new ImportError(index, line, string.Empty, "each event must be a JSON object")]);
                }

                reader.Skip();
                var length = reader.BytesConsumed - start;
                var element = _utf8.Slice((int)(_offset + start), (int)length);
                Save(ref reader);
                return Map(element, index, line);
            }
            catch (JsonException exception)
            {
                done = true;
                return SyntaxError(exception, index);
            }
        }

        private ImportRecord? Trailer(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                var nameStart = reader.TokenStartIndex;
                reader.Read();
                reader.Skip();
                if (name is not ("$schema" or "curator"))
                {
                    return FileError(nameStart, $"unexpected property '{name}' after \"events\"");
                }
            }

            return null;
        }

        private ImportRecord Map(ReadOnlyMemory<byte> element, int index, int line)
        {
            var position = _offset;
            CuratedEventDto? dto;
            try
            {
                dto = JsonSerializer.Deserialize(element.Span, CuratedJsonContext.Default.CuratedEventDto);
            }
            catch (JsonException exception)
            {
                var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : string.Empty;
                var errorLine = line + (int)(exception.LineNumber ?? 0);
                var message = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
                    ? "is not a field of the curated format (see schemas/curated-events.schema.json)"
                    : "has the wrong type for the curated format (see schemas/curated-events.schema.json)";
                if (field.Length == 0)
                {
                    field = UnmappedName(exception.Message) ?? string.Empty;
                }

                return ImportRecord.Invalid(index, errorLine, position, [new ImportError(index, errorLine, field, message)]);
            }

            var (conflictEvent, errors) = CuratedEventMapper.Map(dto!, index, line); // Deserialize returns null only for a JSON null, and Next checked for an object.
            return conflictEvent is null
                ? ImportRecord.Invalid(index, line, position, errors)
                : ImportRecord.Valid(index, line, position, conflictEvent, dto!.Curator ?? _fileCurator);
        }

        private static string? UnmappedName(string message)
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            return end > start ? message[(start + 1)..end] : null;
        }

        private Utf8JsonReader Reader() => new(_utf8.Span[(int)_offset..], isFinalBlock: true, _state);

        private void Save(ref Utf8JsonReader reader)
        {
            _offset += reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        private ImportRecord FileError(long relativePosition, string message)
        {
            var line = LineAt(_offset + relativePosition);
            return ImportRecord.Invalid(_index, line, _offset, [new ImportError(_index, line, string.Empty, message)]);
        }

        private ImportRecord SyntaxError(JsonException exception, int index)
        {
            // The saved reader state carries the line count from the start of the file; the exception's is 0-based.
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var message = IsBlank(_utf8.Span[(int)_offset..])
                ? "the file ends before its events array is closed"
                : $"the JSON is malformed here, so reading stopped ({FirstSentence(exception.Message)})";
            return ImportRecord.Invalid(index, line, _offset, [new ImportError(index, line, string.Empty, message)]);
        }

        private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.Trim(" \t\r\n"u8).IsEmpty;

        /// <summary>The reader's own words without its 0-based position, which would contradict the 1-based line we give.</summary>
        private static string FirstSentence(string message)
        {
            foreach (var marker in new[] { " Path:", " LineNumber:" })
            {
                var cut = message.IndexOf(marker, StringComparison.Ordinal);
                if (cut > 0)
                {
                    message = message[..cut];
                }
            }

            return message.TrimEnd('.', ' ');
        }

        /// <summary>The 1-based line of an absolute byte position; positions only move forward, so counting is linear.</summary>
        private int LineAt(long position)
        {
            if (position < _linesCountedTo)
            {
                return _line;
            }

            var span = _utf8.Span[(int)_linesCountedTo..(int)Math.Min(position, _utf8.Length)];
            _line += span.Count((byte)'\n');
            _linesCountedTo = position;
            return _line;
        }
    }
}
