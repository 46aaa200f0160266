using System.Text.Json.Serialization;

namespace BorderAlertBot.Domain;

/// <summary>A report an event rests on.</summary>
public sealed record Source(string Name, Uri Url, DateTimeOffset? PublishedAt)
{
    /// <summary>The outlet behind the report, for "N reports · M sources": the URL's host without "www.".</summary>
    [JsonIgnore]
    public string Outlet => OutletOf(Url);

    /// <summary>The outlet a link names: <c>https://www.irrawaddy.com/…</c> → <c>irrawaddy.com</c>.</summary>
    public static string OutletOf(Uri url) =>
        url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
}
