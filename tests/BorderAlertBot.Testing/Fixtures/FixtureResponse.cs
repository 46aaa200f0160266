using System.Text;

namespace BorderAlertBot.Testing.Fixtures;

/// <summary>What a <see cref="FixtureHttpServer"/> answers: a status, a body, its content type and any extra headers.</summary>
public sealed record FixtureResponse(int Status, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public static FixtureResponse Text(string text, string contentType = "text/plain; charset=utf-8", int status = 200) =>
        new(status, Encoding.UTF8.GetBytes(text), contentType, new Dictionary<string, string>());

    public static FixtureResponse Json(string json, int status = 200) => Text(json, "application/json", status);

    public static FixtureResponse Bytes(byte[] body, string contentType) => new(200, body, contentType, new Dictionary<string, string>());

    /// <summary>A bodiless answer: <c>304</c>, <c>404</c>, <c>503</c>…</summary>
    public static FixtureResponse Empty(int status) => new(status, [], null, new Dictionary<string, string>());

    public FixtureResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };
}
