using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.Builders;

/// <summary>
/// Curated JSON text (schemas/curated-events.schema.json). A record is a valid verified clash at Laukkai by default;
/// <see cref="With"/> and <see cref="Without"/> change one field by its dotted path ("location.lat").
/// </summary>
public sealed class CuratedJsonBuilder
{
    /// <summary>The "curator" of every file <see cref="File(string[])"/> writes.</summary>
    public const string FileCurator = "test-curator";

    private static readonly JsonSerializerOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions ManyLines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    private readonly JsonObject _record = new()
    {
        ["id"] = Some.EventId().Value,
        ["kind"] = "BorderClash",
        ["subtype"] = "ArmedClash",
        ["title"] = Some.String("Clash near Laukkai"),
        ["summary"] = "Fighting was reported near the town.",
        ["occurred"] = new JsonObject { ["at"] = "2024-01-05" },
        ["location"] = new JsonObject
        {
            ["country"] = "MM",
            ["admin1"] = "Shan-North",
            ["place"] = "Laukkai",
            ["lat"] = 23.6916,
            ["lon"] = 98.7641,
            ["precision"] = "exact",
        },
        ["border"] = "CN-MM",
        ["actors"] = new JsonArray(new JsonObject { ["name"] = "Military Forces of Myanmar (2021-)", ["short"] = "Tatmadaw" }),
        ["sources"] = new JsonArray(new JsonObject { ["name"] = "The Irrawaddy", ["url"] = Some.Url().ToString() }),
        ["status"] = "Verified",
    };

    public string Id => _record["id"]!.GetValue<string>(); // Set in the initializer; tests that remove it don't ask for it.

    public CuratedJsonBuilder WithId(string id) => With("id", id);

    public CuratedJsonBuilder WithTitle(string title) => With("title", title);

    /// <summary>Sets a field, adding it if it is not there; the value may be any JSON, e.g. <c>JsonNode.Parse("[]")</c>.</summary>
    public CuratedJsonBuilder With(string path, JsonNode? value)
    {
        var (parent, name) = Walk(path);
        parent[name] = value;
        return this;
    }

    public CuratedJsonBuilder Without(string path)
    {
        var (parent, name) = Walk(path);
        parent.Remove(name);
        return this;
    }

    /// <summary>The record on one line, or indented over many.</summary>
    public string Build(bool indented = false) => _record.ToJsonString(indented ? ManyLines : OneLine);

    /// <summary>An envelope with <see cref="FileCurator"/>; record <c>i</c> starts on line <c>5 + i</c> when the records before it are one line each.</summary>
    public static string File(params string[] records) =>
        $$"""
        {
          "$schema": "../schemas/curated-events.schema.json",
          "curator": "{{FileCurator}}",
          "events": [
        {{Records(records)}}
          ]
        }

        """;

    public static string File(IEnumerable<CuratedJsonBuilder> records) => File(records.Select(record => record.Build()).ToArray());

    /// <summary>A bare top-level array; record <c>i</c> starts on line <c>2 + i</c> when the records before it are one line each.</summary>
    public static string Array(params string[] records) => $"[\n{Records(records)}\n]\n";

    private static string Records(string[] records) => string.Join(",\n", records.Select(record => "    " + record));

    private (JsonObject Parent, string Name) Walk(string path)
    {
        var names = path.Split('.');
        var parent = _record;
        foreach (var name in names[..^1])
        {
            parent = parent[name]?.AsObject() ?? throw new ArgumentException($"The record has no object at '{name}' of '{path}'.", nameof(path));
        }

        return (parent, names[^1]);
    }
}
