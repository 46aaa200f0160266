using System.Globalization;
using BorderAlertBot.Domain;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Delivery;

/// <summary>What the fault-injection tests share: channels subscribed in the settings, and clashes named by a word.</summary>
public static class PlatformFaults
{
    public static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];

    /// <summary>Settings subscribing each of <paramref name="targets"/> (<c>discord-channel:ID</c>, <c>slack-channel:ID</c>) to every clash.</summary>
    public static Action<Dictionary<string, string?>> Subscribe(params string[] targets) => settings =>
    {
        for (var i = 0; i < targets.Length; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"Subscriptions:Configured:{i}");
            settings[key + ":Name"] = string.Create(CultureInfo.InvariantCulture, $"fault-{i}");
            settings[key + ":Target"] = targets[i];
            settings[key + ":Filter"] = "kinds:clash";
        }
    };

    /// <summary>A verified clash titled with one of <see cref="Words"/>, so its place among a channel's messages can be read back.</summary>
    public static ConflictEvent Clash(string word) =>
        new EventBuilder().WithId("evt_fault_" + word).WithSubtype(EventSubtype.ArmedClash).WithTitle("Fault " + word).Build();

    /// <summary>
    /// Which of <paramref name="words"/> each message shows, in the order the channel shows them; every word must be in
    /// exactly one message.
    /// </summary>
    public static List<string> Order(IEnumerable<string> messages, IReadOnlyList<string> words)
    {
        var texts = messages.ToList();
        var order = new List<string>();
        foreach (var text in texts)
        {
            order.AddRange(words.Where(word => text.Contains("Fault " + word, StringComparison.Ordinal)).OrderBy(word => text.IndexOf("Fault " + word, StringComparison.Ordinal)));
        }

        return order;
    }

    public static async Task ImportOneByOneAsync(PlatformsBot bot, IEnumerable<string> words, TimeSpan between)
    {
        foreach (var word in words)
        {
            await bot.ImportAsync("fault-test", Clash(word));
            await bot.AdvanceAsync(between, TimeSpan.FromSeconds(5));
        }
    }
}
