using System.Text.Json;

namespace BorderAlertBot.Testing.FakeSlack;

/// <summary>A JSON body posted to a <c>response_url</c> the fake handed out, and what the fake answered.</summary>
public sealed record FakeSlackResponsePost(Uri ResponseUrl, string Channel, JsonElement Body, DateTimeOffset ReceivedAt, int Status)
{
    public string? ResponseType => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("response_type", out var type) ? type.GetString() : null;

    public string? Text => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("text", out var text) ? text.GetString() : null;
}
