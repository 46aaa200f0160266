using System.Globalization;

namespace BorderAlertBot.Testing;

/// <summary>Unique, valid values, so each test states only what matters to it.</summary>
public static class Some
{
    private static int _counter;

    public static int Int() => Interlocked.Increment(ref _counter);

    public static string String(string prefix = "text") => $"{prefix}-{Int().ToString(CultureInfo.InvariantCulture)}";

    public static Domain.EventId EventId() => Domain.EventId.Parse($"evt_some_{Int().ToString(CultureInfo.InvariantCulture)}");

    public static Uri Url() => new($"https://news.example/{Int().ToString(CultureInfo.InvariantCulture)}");
}
