using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>Reading request payloads, where a JSON <c>null</c> counts as absent.</summary>
internal static class JsonElementExtensions
{
    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    /// <summary>The property <paramref name="name"/> of an object, when present and not null.</summary>
    public static bool TryGetValue(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether an object has the property at all, null included (on an edit, <c>"content": null</c> clears the content).</summary>
    public static bool Has(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    public static string? StringOrNull(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An id sent as a string or a number (attachment ids, nonces), as text.</summary>
    public static string? IdText(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    public static bool IsTrue(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> ArrayOrEmpty(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    /// <summary>Characters as Discord counts them: Unicode code points (staff comment in api-docs#1315).</summary>
    public static int CodePoints(this string text) => text.EnumerateRunes().Count();
}
