using System.Text;
using BorderAlertBot.Domain;
using BorderAlertBot.Ingestion.CuratedJson;
using BorderAlertBot.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace BorderAlertBot.Ingestion.Tests.CuratedJson;

/// <summary>
/// The curated JSON reader against generated hostile files (FsCheck): JSON punctuation, keys and values of the format,
/// valid records with a field replaced by garbage, and noise. It never throws; every record is an event within the
/// model's limits or errors with a line, in file order. A short run in the suite; <c>BORDERALERTBOT_LONG_FUZZ=1</c>
/// runs 100,000 cases.
/// </summary>
public sealed class CuratedJsonReaderPropertyTests
{
    private const string Valid = """
        {"id": "evt_fuzz_1", "kind": "BorderClash", "subtype": "ArmedClash", "title": "Clash at Muse gate",
         "occurred": {"at": "2026-11-28", "precision": "day"},
         "location": {"country": "MM", "admin1": "Shan-North", "place": "Muse", "lat": 23.99, "lon": 97.91, "precision": "exact"},
         "sources": [{"name": "The Irrawaddy", "url": "https://www.irrawaddy.com/x.html"}], "status": "Verified", "border": "CN-MM"}
        """;

    private static readonly string[] Pieces =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "false", "0", "-1", "1e999", "1.5", "NaN",
        "\"events\"", "\"curator\"", "\"id\"", "\"kind\"", "\"subtype\"", "\"title\"", "\"summary\"", "\"occurred\"", "\"at\"",
        "\"precision\"", "\"location\"", "\"lat\"", "\"lon\"", "\"sources\"", "\"url\"", "\"figures\"", "\"value\"", "\"status\"",
        "\"statusReason\"", "\"severityOverride\"", "\"evt_x\"", "\"BorderClash\"", "\"2023-10-27T04:00:00+06:30\"", "\"2023-13-45\"",
        "\"https://x.y\"", "\"javascript:alert(1)\"", "/* comment */", "// line\n", "\n", Valid,
    ];

    private static readonly Gen<string> Field = Gen.Elements("id", "kind", "subtype", "title", "occurred", "location", "sources", "status", "border", "figures", "actors");

    private static readonly Gen<string> File = Gen.OneOf(
        HostileText.Of(Pieces, "", " ", "\n"),
        Gen.ListOf(Gen.OneOf(Gen.Constant(Valid), Field.SelectMany(field => HostileText.Of(Pieces).Select(value => Replace(field, value)))))
            .Select(records => "{\"curator\": \"fuzz\", \"events\": [" + string.Join(",", records) + "]}"),
        HostileText.Of(Pieces).Select(value => "[" + Valid + "," + value + "]"));

    [Fact]
    public void Any_file_is_read_into_events_or_errors_with_lines_in_order_and_never_throws()
    {
        var property = Prop.ForAll(File.ToArbitrary(), text =>
        {
            var records = CuratedJsonReader.Read(Encoding.UTF8.GetBytes(text)).ToList();
            var line = 0;
            foreach (var record in records)
            {
                Assert.True(record.Event is null != (record.Errors.Count == 0), "a record is an event or errors");
                Assert.True(record.Line >= line, "records come in file order");
                line = record.Line;
                if (record.Event is { } read)
                {
                    Assert.InRange(read.Title.Length, 1, ConflictEvent.MaxTitleLength);
                    Assert.True(read.Summary.Length <= ConflictEvent.MaxSummaryLength);
                }
                else
                {
                    Assert.All(record.Errors, error => Assert.NotEmpty(error.Message));
                }
            }
        });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(FuzzRuns.Cases()).WithQuietOnSuccess(true));
    }

    /// <summary>The valid record with one field's value replaced by <paramref name="value"/> (often not JSON at all).</summary>
    private static string Replace(string field, string value)
    {
        var key = $"\"{field}\":";
        var at = Valid.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return Valid.Insert(1, key + value + ",");
        }

        var start = at + key.Length;
        var end = Valid.IndexOfAny([',', '}'], start);
        return Valid[..start] + value + Valid[end..];
    }
}
