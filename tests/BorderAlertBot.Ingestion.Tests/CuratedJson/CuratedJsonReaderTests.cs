using System.Text;
using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.CuratedJson;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Files;

namespace BorderAlertBot.Ingestion.Tests.CuratedJson;

public sealed class CuratedJsonReaderTests
{
    [Theory]
    [InlineData("envelope", 5)]
    [InlineData("array", 2)]
    public void An_envelope_and_a_bare_top_level_array_both_give_their_records(string shape, int firstLine)
    {
        // Arrange
        var first = new CuratedJsonBuilder();
        var second = new CuratedJsonBuilder();
        var json = shape == "envelope"
            ? CuratedJsonBuilder.File(first.Build(), second.Build())
            : CuratedJsonBuilder.Array(first.Build(), second.Build());

        // Act
        var records = Read(json);

        // Assert
        Assert.Equal([first.Id, second.Id], records.Select(record => record.Event?.Id.Value));
        Assert.Equal([0, 1], records.Select(record => record.Index));
        Assert.Equal([firstLine, firstLine + 1], records.Select(record => record.Line));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Each_record_is_reported_on_the_line_it_starts_on_even_after_a_multi_line_record(string newline)
    {
        // Arrange
        var multiLine = new CuratedJsonBuilder().Build(indented: true);
        var linesOfMultiLine = multiLine.Split('\n').Length;
        var json = CuratedJsonBuilder.File(
                new CuratedJsonBuilder().Build(),
                multiLine,
                new CuratedJsonBuilder().Build(),
                new CuratedJsonBuilder().Without("title").Build())
            .Replace("\n", newline, StringComparison.Ordinal);

        // Act
        var records = Read(json);

        // Assert
        var afterMultiLine = 6 + linesOfMultiLine;
        Assert.Equal([5, 6, afterMultiLine, afterMultiLine + 1], records.Select(record => record.Line));
        var error = Assert.Single(records[3].Errors);
        Assert.Equal((3, afterMultiLine + 1, "title"), (error.Index, error.Line, error.Field));
    }

    [Fact]
    public void A_UTF8_byte_order_mark_at_the_start_is_accepted()
    {
        // Arrange
        var record = new CuratedJsonBuilder();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CuratedJsonBuilder.File(record.Build()))).ToArray();

        // Act
        var records = CuratedJsonReader.Read(bytes).ToList();

        // Assert
        var only = Assert.Single(records);
        Assert.Equal(record.Id, only.Event?.Id.Value);
        Assert.Equal(5, only.Line);
    }

    [Fact]
    public void A_syntax_error_inside_a_record_ends_the_file_with_one_error_on_the_line_of_the_error()
    {
        // Arrange
        var before = new[] { new CuratedJsonBuilder(), new CuratedJsonBuilder() };
        var json = CuratedJsonBuilder.File(
            before[0].Build(),
            before[1].Build(),
            """{ "id": "evt_broken", "title": }""",
            new CuratedJsonBuilder().Build());

        // Act
        var records = Read(json);

        // Assert
        Assert.Equal(3, records.Count);
        Assert.Equal([before[0].Id, before[1].Id], records.Take(2).Select(record => record.Event?.Id.Value));
        var error = Assert.Single(records[2].Errors);
        Assert.Null(records[2].Event);
        Assert.True((error.Index, error.Line) == (2, 7), $"Expected the error at record 2 on line 7, got: {error}");
        Assert.Equal(string.Empty, error.Field);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_comma_between_records_is_reported_on_the_line_of_the_second_record()
    {
        // Arrange
        var first = new CuratedJsonBuilder();
        var json = CuratedJsonBuilder.File(first.Build(), new CuratedJsonBuilder().Build()).Replace("},\n", "}\n", StringComparison.Ordinal);

        // Act
        var records = Read(json);

        // Assert
        Assert.Equal(2, records.Count);
        Assert.Equal(first.Id, records[0].Event?.Id.Value);
        var error = Assert.Single(records[1].Errors);
        Assert.True((error.Index, error.Line) == (1, 6), $"Expected the error at record 1 on line 6, got: {error}");
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_off_inside_the_events_array_gives_the_records_read_so_far_then_one_error()
    {
        // Arrange
        var first = new CuratedJsonBuilder();
        var json = CuratedJsonBuilder.File(first.Build(), new CuratedJsonBuilder().Build());
        var cut = json[..json.LastIndexOf("\"status\"", StringComparison.Ordinal)];

        // Act
        var records = Read(cut);

        // Assert
        Assert.Equal(2, records.Count);
        Assert.Equal(first.Id, records[0].Event?.Id.Value);
        Assert.Null(records[1].Event);
        Assert.Equal(string.Empty, Assert.Single(records[1].Errors).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n  ")]
    public void An_empty_file_is_one_error_saying_the_file_is_empty(string json)
    {
        // Act
        var records = Read(json);

        // Assert
        var error = Assert.Single(Assert.Single(records).Errors);
        Assert.Equal(string.Empty, error.Field);
        Assert.True(error.Message.Contains("the file is empty", StringComparison.Ordinal), $"Expected an error saying the file is empty, got: {error}");
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"events\"")]
    [InlineData("true")]
    public void A_file_that_is_neither_an_object_nor_an_array_is_one_error_naming_the_expected_shape(string json)
    {
        // Act
        var records = Read(json);

        // Assert
        var error = Assert.Single(Assert.Single(records).Errors);
        Assert.Equal((1, string.Empty), (error.Line, error.Field));
        Assert.Contains("""expected {"events": [...]} or an array of events""", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_without_an_events_array_is_one_error_saying_so()
    {
        // Act
        var records = Read("""{ "curator": "someone" }""");

        // Assert
        var error = Assert.Single(Assert.Single(records).Errors);
        Assert.Contains("""no "events" array""", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_rejected_and_the_records_after_it_still_read()
    {
        // Arrange
        var after = new CuratedJsonBuilder();
        var json = CuratedJsonBuilder.File("\"evt_just_a_string\"", after.Build());

        // Act
        var records = Read(json);

        // Assert
        var error = Assert.Single(records[0].Errors);
        Assert.Equal((0, 5), (error.Index, error.Line));
        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
        Assert.Equal(after.Id, records[1].Event?.Id.Value);
    }

    [Fact]
    public void A_record_curator_wins_over_the_file_curator_and_the_others_take_the_files()
    {
        // Arrange
        var json = CuratedJsonBuilder.File(
            new CuratedJsonBuilder().With("curator", "record-curator").Build(),
            new CuratedJsonBuilder().Build());

        // Act
        var records = Read(json);

        // Assert
        Assert.Equal(["record-curator", CuratedJsonBuilder.FileCurator], records.Select(record => record.Curator));
    }

    [Fact]
    public void A_bare_array_has_no_file_curator()
    {
        // Act
        var records = Read(CuratedJsonBuilder.Array(new CuratedJsonBuilder().Build()));

        // Assert
        Assert.Null(Assert.Single(records).Curator);
    }

    [Fact]
    public void The_file_curator_applies_even_when_it_is_written_after_the_events()
    {
        // Arrange: JSON objects are unordered, and the schema says the file's curator is recorded on every revision.
        var json = $$"""
            {
              "events": [
                {{new CuratedJsonBuilder().Build()}}
              ],
              "curator": "late-curator"
            }
            """;

        // Act
        var records = Read(json);

        // Assert
        var record = Assert.Single(records);
        Assert.Empty(record.Errors);
        Assert.Equal("late-curator", record.Curator);
    }

    [Fact]
    public async Task A_file_on_disk_reads_the_same_as_its_bytes()
    {
        // Arrange
        using var directory = new TempDirectory();
        var json = CuratedJsonBuilder.File(new CuratedJsonBuilder().Build(), new CuratedJsonBuilder().Without("sources").Build());
        var path = directory.Write("events.json", json);

        // Act
        var fromFile = new List<ImportRecord>();
        await foreach (var record in CuratedJsonReader.ReadFileAsync(path, CancellationToken.None))
        {
            fromFile.Add(record);
        }

        // Assert
        var fromBytes = Read(json);
        Assert.Equal(fromBytes.Select(Describe), fromFile.Select(Describe));
    }

    private static List<ImportRecord> Read(string json) => CuratedJsonReader.Read(Encoding.UTF8.GetBytes(json)).ToList();

    private static string Describe(ImportRecord record) =>
        $"{record.Index} {record.Line} {record.Event?.Id} {string.Join("; ", record.Errors)}";
}
