using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Tests.Support;

/// <summary>
/// What the platform session tests share: the clash they import at Muse (first report, revision, retraction) as curated
/// JSON, and a wait that moves the bot's clock on until something shows up on the fake platform.
/// </summary>
public static class SessionEvents
{
    public const string EventId = "evt_session_muse";

    public static string Clash(string title, string? severityNote, string status = "Verified") =>
        $$"""
            {
              "id": "{{EventId}}",
              "kind": "BorderClash",
              "subtype": "ArmedClash",
              "title": {{JsonSerializer.Serialize(title)}},
              "summary": {{JsonSerializer.Serialize(severityNote ?? "Fighting reported at the gate.")}},
              "occurred": { "at": "2026-11-28T08:00:00Z", "precision": "exact" },
              "location": { "country": "MM", "admin1": "Shan-North", "place": "Muse", "lat": 23.9933, "lon": 97.9103, "precision": "exact" },
              "sources": [ { "name": "The Irrawaddy", "url": "https://www.irrawaddy.com/news/muse-gate.html" } ],
              "status": "{{status}}",
              {{(status == "Retracted" ? "\"statusReason\": \"The source withdrew the report.\"," : string.Empty)}}
              "border": "CN-MM"
            }
        """;

    public static string CuratedFile(string record) => new StringBuilder("{\n  \"events\": [\n").Append(record).Append("\n  ]\n}\n").ToString();

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> until <paramref name="probe"/> finds something (the
    /// watcher sees a CLI import on its next poll, a digest waits for its slot), waking early when the fake platform
    /// receives a request that makes the probe true.
    /// </summary>
    public static async Task<T> AdvanceUntilAsync<T>(FakeTimeProvider time, Func<T?> probe, TimeSpan step, Func<Func<bool>, CancellationToken, Task> received, TimeSpan patience)
        where T : class
    {
        using var deadline = new CancellationTokenSource(patience);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            deadline.Token.ThrowIfCancellationRequested();
            time.Advance(step);
            await Task.WhenAny(received(() => probe() is not null, deadline.Token), Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System));
        }
    }
}
