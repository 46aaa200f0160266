using System.Text;
using BorderAlertBot.Curation;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Acled;
using BorderAlertBot.Serialization;
using BorderAlertBot.Testing.Builders;

namespace BorderAlertBot.Ingestion.Tests.Acled;

public sealed class AcledCsvReaderTests
{
    [Fact]
    public async Task A_row_in_the_older_layout_with_numeric_actor_types_maps_like_the_current_one()
    {
        // Arrange
        var row = new AcledRowBuilder();

        // Act
        var current = Assert.Single(await ReadAsync(AcledCsv.Current(row)));
        var older = Assert.Single(await ReadAsync(AcledCsv.Older(row)));

        // Assert
        Assert.Contains("inter1", AcledCsv.Current(row), StringComparison.Ordinal);
        Assert.Contains(",2,Military Forces of Myanmar (2021-),,1,12,", AcledCsv.Older(row), StringComparison.Ordinal);
        Assert.NotNull(current.Event);
        Assert.Equal(Json(current.Event), Json(older.Event));
        Assert.Equal(("evt_acled_" + row.Id.ToLowerInvariant(), "acled:" + row.Id), (current.Event!.Id.Value, current.Event.ExternalIds.Single()));
    }

    [Theory]
    [InlineData("2023-10-27")]
    [InlineData("2023-10-27T00:00:00Z")]
    [InlineData("27 October 2023")]
    [InlineData("27 Oct 2023")]
    public async Task Each_of_the_three_date_styles_reads_as_the_same_day(string eventDate)
    {
        var record = Assert.Single(await ReadAsync(AcledCsv.Current(new AcledRowBuilder().With("event_date", eventDate))));

        Assert.Equal(new DateTimeOffset(2023, 10, 27, 0, 0, 0, TimeSpan.Zero), record.Event!.Occurred.At);
        Assert.Equal(TimePrecision.Day, record.Event.Occurred.Precision);
    }

    [Fact]
    public async Task Quoted_notes_over_several_lines_keep_each_records_own_starting_line()
    {
        // Arrange: the first record's notes hold two line breaks, a comma and doubled quotes.
        var first = new AcledRowBuilder().With("notes", "Fighting in \"Laukkai\", Shan-North.\nTroops withdrew.\nMore later.");
        var second = new AcledRowBuilder();
        var third = new AcledRowBuilder().With("notes", "Line one\r\nline two");
        var fourth = new AcledRowBuilder();

        // Act
        var records = await ReadAsync(AcledCsv.Current(first, second, third, fourth));

        // Assert: header on line 1; the first record spans lines 2–4, the third 6–7.
        Assert.Equal([2, 5, 6, 8], records.Select(record => record.Line));
        Assert.Equal([0, 1, 2, 3], records.Select(record => record.Index));
        Assert.Equal("Fighting in \"Laukkai\", Shan-North. Troops withdrew. More later.", records[0].Event!.Summary);
    }

    [Fact]
    public async Task Unknown_extra_columns_in_any_order_are_ignored()
    {
        // Arrange: the current columns reversed, with two columns ACLED may add one day.
        var row = new AcledRowBuilder();
        string[] columns = ["population_best", .. AcledCsv.CurrentColumns.Reverse(), "some_future_column"];

        // Act
        var record = Assert.Single(await ReadAsync(AcledCsv.Write(columns, [row])));

        // Assert
        Assert.Equal(Json(Assert.Single(await ReadAsync(AcledCsv.Current(row))).Event), Json(record.Event));
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_one_clear_error()
    {
        string[] columns = [.. AcledCsv.CurrentColumns.Where(column => column is not ("event_date" or "geo_precision"))];

        var record = Assert.Single(await ReadAsync(AcledCsv.Write(columns, [new AcledRowBuilder(), new AcledRowBuilder()])));

        var error = Assert.Single(record.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("the header has no 'event_date', 'geo_precision' columns: is this an ACLED export? (the header row must name the columns, as ACLED's exports do)", error.Message);
    }

    [Fact]
    public async Task Bad_rows_are_errors_naming_line_and_column_and_their_neighbours_still_read()
    {
        // Arrange
        var csv = AcledCsv.Current(
            new AcledRowBuilder(),
            new AcledRowBuilder().With("event_date", "yesterday").With("fatalities", "many"),
            new AcledRowBuilder().With("notes", "two\nlines"),
            new AcledRowBuilder().With("latitude", "123.5"),
            new AcledRowBuilder());

        // Act
        var records = await ReadAsync(csv);

        // Assert
        Assert.Equal([true, false, true, false, true], records.Select(record => record.Event is not null));
        Assert.Equal(
            [(3, "event_date", "'yesterday' is not a date (2023-10-27, 2023-10-27T00:00:00Z or 27 October 2023)"),
             (3, "fatalities", "'many' is not a whole number ≥ 0"),
             (6, "latitude", "(123.5, 98.7641) is not a valid latitude and longitude")],
            records.SelectMany(record => record.Errors).Select(error => (error.Line, error.Field, error.Message)));
    }

    [Fact]
    public async Task Rows_the_bot_does_not_track_are_counted_out_of_scope_not_reported()
    {
        // Arrange
        var tally = new AcledReadTally();
        var csv = AcledCsv.Current(
            new AcledRowBuilder().WithType("Protests", "Peaceful protest"),
            new AcledRowBuilder(),
            new AcledRowBuilder().WithType("Strategic developments", "Arrests"),
            new AcledRowBuilder().WithType("Protests", "Peaceful protest"),
            new AcledRowBuilder().With("iso", "804").With("country", "Ukraine"));

        // Act
        var records = await ReadAsync(csv, tally);

        // Assert
        Assert.Single(records);
        Assert.Equal((5, 4), (tally.Rows, tally.OutOfScope));
        Assert.Equal(
            [("Protests / Peaceful protest", 2), ("Strategic developments / Arrests", 1), ("country Ukraine", 1)],
            tally.OutOfScopeByReason);
    }

    [Fact]
    public async Task Hostile_quoting_is_recovered_where_it_can_be_and_a_quote_never_closed_ends_the_file_at_its_line()
    {
        // Arrange: a stray quote inside an unquoted field, text after a closing quote, then a quote that never closes.
        var good = new AcledRowBuilder();
        var lines = AcledCsv.Current(good, new AcledRowBuilder(), new AcledRowBuilder(), new AcledRowBuilder()).Split('\n');
        lines[2] = lines[2].Replace("Laukkai,", "Lauk\"kai,", StringComparison.Ordinal);
        lines[3] = lines[3].Replace(",Laukkai,", ",\"Laukkai\"town,", StringComparison.Ordinal);
        lines[4] = lines[4].Replace(",1704931200", ",\"1704931200", StringComparison.Ordinal);

        // Act
        var records = await ReadAsync(string.Join('\n', lines) + "MMR1,2024-01-05\n");

        // Assert
        Assert.Equal([2, 3, 4, 5], records.Select(record => record.Line));
        Assert.Equal("Lauk\"kai", records[1].Event!.Location!.Place);
        Assert.Equal("Laukkaitown", records[2].Event!.Location!.Place);
        Assert.Contains("never closed", Assert.Single(records[3].Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_and_a_file_of_only_a_header_say_so()
    {
        var empty = Assert.Single(await ReadAsync(string.Empty));
        var headerOnly = await ReadAsync(string.Join(',', AcledCsv.CurrentColumns) + "\n");

        Assert.Equal("the file is empty: expected an ACLED export with its header row", Assert.Single(empty.Errors).Message);
        Assert.Empty(headerOnly);
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_read_like_plain_utf8()
    {
        var row = new AcledRowBuilder();
        var csv = "\uFEFF" + AcledCsv.Current(row).Replace("\n", "\r\n", StringComparison.Ordinal);

        var record = Assert.Single(await ReadAsync(csv));

        Assert.Equal(Json(Assert.Single(await ReadAsync(AcledCsv.Current(row))).Event), Json(record.Event));
    }

    internal static string Json(ConflictEvent? conflictEvent) => conflictEvent is null ? "no event" : EventDocument.Serialize(conflictEvent);

    internal static async Task<List<ImportRecord>> ReadAsync(string csv, AcledReadTally? tally = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await AcledCsvReader.ReadAsync(stream, tally ?? new AcledReadTally(), CancellationToken.None).ToListAsync();
    }
}
