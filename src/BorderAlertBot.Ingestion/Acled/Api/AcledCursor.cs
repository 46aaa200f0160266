using System.Text.Json;

namespace BorderAlertBot.Ingestion.Acled.Api;

/// <summary>
/// Where the ACLED sync stands, stored as the source's cursor. A sync reads one window of upload timestamps,
/// <see cref="AcledWindow.From"/>–<see cref="AcledWindow.To"/>, page by page, then the deletions of the window before
/// it; when it is done, <see cref="NextFrom"/> moves past the window. Each poll reads one page, so a crash resumes at the
/// page it was on.
/// </summary>
internal sealed record AcledCursor(long NextFrom, long? DeletedFrom, AcledWindow? Window)
{
    public static AcledCursor Start { get; } = new(0, null, null);

    public static AcledCursor Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Start;
        }

        try
        {
            return JsonSerializer.Deserialize(text, AcledJsonContext.Default.AcledCursor) ?? Start;
        }
        catch (JsonException)
        {
            // A cursor written by something else (or by hand): start over; re-importing changes nothing.
            return Start;
        }
    }

    public override string ToString() => JsonSerializer.Serialize(this, AcledJsonContext.Default.AcledCursor);
}

/// <summary>One sync: upload timestamps <paramref name="From"/>..<paramref name="To"/> (Unix seconds, both included), and the deletions since <paramref name="DeletedFrom"/>.</summary>
internal sealed record AcledWindow(long From, long To, long DeletedFrom, int Page, bool ReadingDeleted);
