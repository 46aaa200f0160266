using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>One request being handled: its route, values, body, the time it is handled at and what it targets.</summary>
internal sealed class FakeCall(FakeRoute route, HttpRequest request, ParsedBody body, DateTimeOffset now)
{
    public FakeRoute Route { get; } = route;

    public HttpRequest Request { get; } = request;

    public ParsedBody Body { get; } = body;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Set once the route values have been resolved against the state.</summary>
    public FakeTarget Target { get; set; } = FakeTarget.None;

    /// <summary>The body, or <c>{}</c> when there was none.</summary>
    public JsonElement Payload => Body.Payload ?? JsonElementExtensions.EmptyObject;

    public IReadOnlyList<FakeDiscordFile> Files => Body.Files;

    public string Value(string name) => Request.RouteValues[name] as string ?? string.Empty;

    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
