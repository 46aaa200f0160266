using System.Text.Json;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// A request body read in full: the raw bytes, the JSON payload (the body, <c>payload_json</c>, or form fields as
/// strings), the file parts, and the error to answer with once auth and rate limits have passed.
/// </summary>
internal sealed record ParsedBody(ReadOnlyMemory<byte> Raw, JsonElement? Payload, IReadOnlyList<FakeDiscordFile> Files, FakeResponse? Error, bool IsTooLarge)
{
    public static ParsedBody Empty(ReadOnlyMemory<byte> raw) => new(raw, null, [], null, false);

    public static ParsedBody Failed(ReadOnlyMemory<byte> raw, FakeResponse error, JsonElement? payload = null) => new(raw, payload, [], error, false);
}
