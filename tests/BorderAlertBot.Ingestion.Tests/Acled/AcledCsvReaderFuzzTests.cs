using System.Text;
using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.Acled;
using BorderAlertBot.Serialization;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Ingestion.Tests.Acled;

/// <summary>
/// The ACLED CSV reader against generated hostile input — random text heavy in quotes, commas and line breaks, and ACLED
/// rows with fields replaced by garbage, extra or missing columns: it never throws, and every record it yields is either
/// an event that can be stored or errors with a line, in file order. A short run in the normal suite; set
/// <c>BORDERALERTBOT_LONG_FUZZ=1</c> for 100,000 cases.
/// </summary>
public sealed class AcledCsvReaderFuzzTests
{
    private static readonly int Cases = FuzzRuns.Cases(300);

    private static readonly string[] Pieces =
        ["\"", "\"\"", ",", "\n", "\r\n", "\r", " ", "a", "Laukkai", "2024-01-05", "16 May 2025", "1", "3", "-1", "1e400", "NaN", "MMR1", "é", "\uFEFF", "\u0000", "\uD800", "😀", ";", "\t", "Battles", "Agreement", "ceasefire", "border gate"];

    [Fact]
    public void Generated_hostile_input_never_throws_and_always_yields_events_or_errors_in_order()
    {
        var property = Prop.ForAll(Arb.From(HostileCsv()), csv => Check(csv));

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }

    private static bool Check(string csv)
    {
        // Run off xunit's context: the reader is async, the property is not.
        var records = Task.Run(async () =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            return await AcledCsvReader.ReadAsync(stream, new AcledReadTally(), CancellationToken.None).ToListAsync();
        }).GetAwaiter().GetResult();

        var previousLine = 0;
        foreach (var record in records)
        {
            var valid = record.Event is not null ? record.Errors.Count == 0 : record.Errors.Count > 0;
            if (!valid || record.Line < Math.Max(1, previousLine) || record.Errors.Any(error => error.Line < 1))
            {
                return false;
            }

            // What the importer does with every event it gets: serialise and fingerprint it.
            if (record.Event is { } conflictEvent)
            {
                _ = EventDocument.Fingerprint(conflictEvent);
            }

            previousLine = record.Line;
        }

        return true;
    }

    private static Gen<string> HostileCsv() => Gen.OneOf(RandomText(), GarbledRows(), GarbledHeader());

    private static Gen<string> RandomText() =>
        Gen.Elements(Pieces).ListOf().Select(pieces => string.Concat(pieces));

    /// <summary>Real rows with some fields replaced by random text, some rows cut short or given extra fields.</summary>
    private static Gen<string> GarbledRows() =>
        from rows in Gen.Choose(1, 4)
        from replacements in Gen.Zip(Gen.Choose(0, AcledCsv.CurrentColumns.Length - 1), RandomText()).ListOf()
        from cut in Gen.Choose(0, 40)
        select Garble(rows, replacements, cut);

    private static Gen<string> GarbledHeader() =>
        from columns in Gen.SubListOf(AcledCsv.CurrentColumns)
        from noise in RandomText()
        select string.Join(',', columns) + "\n" + noise;

    private static string Garble(int rows, IEnumerable<(int Column, string Text)> replacements, int cut)
    {
        var builders = Enumerable.Range(0, rows).Select(_ => new AcledRowBuilder()).ToList();
        foreach (var (column, text) in replacements)
        {
            builders[column % rows].With(AcledCsv.CurrentColumns[column], text);
        }

        var csv = AcledCsv.Current([.. builders]);
        return cut < 20 ? csv[..Math.Max(0, csv.Length - (cut * 17))] : csv + string.Concat(Enumerable.Repeat(",x", cut - 20));
    }
}
