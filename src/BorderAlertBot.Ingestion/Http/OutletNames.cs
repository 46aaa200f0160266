namespace BorderAlertBot.Ingestion.Http;

/// <summary>A report's outlet named as its link names it: <c>https://www.irrawaddy.com/…</c> → <c>irrawaddy.com</c>.</summary>
internal static class OutletNames
{
    public static string Of(Uri url) =>
        url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
}
