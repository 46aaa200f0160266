using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.Gdelt;
using BorderAlertBot.Ingestion.Tests.Infrastructure;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Ingestion.Tests.Gdelt;

/// <summary>Hostile export files: whatever the lines hold, the reader returns records or errors and never throws.</summary>
public sealed class GdeltExportReaderPropertyTests
{
    private static readonly GdeltScope Scope = new(["BM", "CH"], ["MMR"]);

    /// <summary>Characters that matter to the format, and some that break naive code.</summary>
    private static readonly Gen<string> Junk = Gen.ArrayOf(Gen.Elements(
            '\t', '\t', '0', '1', '9', '-', '.', ',', 'e', 'E', 'B', 'M', 'C', 'H', ' ', 'x', 'é', '/', ':', '\uD800', '\u0000', '∞', 'N', 'a'))
        .Select(chars => new string(chars));

    /// <summary>A real row with one column replaced by junk, or a column dropped, or a line of junk.</summary>
    private static readonly Gen<string> Line = Gen.OneOf(
        Junk,
        Gen.Choose(0, GdeltColumns.Count - 1).SelectMany(column => Junk.Select(value => Mutated(column, value))),
        Gen.Choose(0, GdeltColumns.Count - 1).Select(Dropped),
        Gen.Choose(1, 1_000).Select(id => new GdeltRowBuilder(id).WithEventCode(id % 2 == 0 ? "0871" : "195").Build()));

    [Fact]
    public void Any_export_is_read_into_records_or_errors_and_every_row_is_accounted_for()
    {
        var property = Prop.ForAll(Gen.ListOf(Line).ToArbitrary(), lines =>
        {
            // Act
            var (records, tally) = GdeltExportReader.Read(new StringReader(string.Join('\n', lines)), Scope);

            // Assert
            Assert.Equal(tally.Rows, tally.OutsideScope + tally.OtherCodes + tally.Errors + tally.Matched);
            Assert.Equal(records.Count, tally.Errors + tally.Candidates);
            foreach (var record in records)
            {
                Assert.True(record.Event is null != (record.Errors.Count == 0));
                if (record.Event is { } candidate)
                {
                    Assert.InRange(candidate.Title.Length, 1, ConflictEvent.MaxTitleLength);
                    Assert.InRange(candidate.Summary.Length, 1, ConflictEvent.MaxSummaryLength);
                    Assert.True(candidate.Location?.Point is null || candidate.Location.Precision == LocationPrecision.Near);
                    Assert.Equal(EventStatus.Pending, candidate.Status);
                }
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases(300)), property);
    }

    private static string Mutated(int column, string value) => new GdeltRowBuilder(42).Set(column, value).Build();

    private static string Dropped(int column)
    {
        var fields = new GdeltRowBuilder(43).Build().Split('\t').ToList();
        fields.RemoveAt(column);
        return string.Join('\t', fields);
    }
}
