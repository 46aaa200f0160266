using System.Text.Json.Serialization;

namespace BorderAlertBot.Domain;

/// <summary>A report an event rests on.</summary>
public sealed record Source(string Name, Uri Url, DateTimeOffset? PublishedAt)
{
    /// <summary>The outlet behind the report, for "N reports · M sources": the URL's host without "www.".</summary>
    [JsonIgnore]
    public string Outlet => Url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? Url.Host[4..] : Url.Host;
}
