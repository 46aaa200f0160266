using BorderAlertBot.Answers;
using BorderAlertBot.Commands;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlertBot.Tests.Hosting;

/// <summary>The running bot's digest scheduler, on its own loop with the fake clock.</summary>
public sealed class DigestWorkerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BotData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_running_bot_posts_a_channels_digest_when_its_local_time_comes()
    {
        // Arrange: the clock is 2026-11-28 09:00 UTC, 15:30 in Yangon; the digest is set for 07:30 there, 01:00 UTC.
        await using var bot = new BotFactory(_data.DatabasePath);
        bot.Settings["Sample:LoadIntoEmptyStore"] = "false";
        bot.StartServer();
        var caller = CommandCaller.Operator(DeliveryTarget.Console("newsdesk"));
        await AskAsync(bot, "subscribe regions:CN-MM", caller);
        await AskAsync(bot, "digest 07:30 Asia/Yangon", caller);

        // Act: time passes an hour at a time; each step wakes the scheduler's wait.
        // The whole message: the header is written before the body.
        var posted = bot.Console.WaitForAsync(text => text.Contains("Quiet: no verified events", StringComparison.Ordinal), Patience);
        for (var hour = 0; hour < 24 && !posted.IsCompleted; hour++)
        {
            bot.Time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAny(posted, Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System));
        }

        await posted;

        // Assert
        var text = bot.Console.Text;
        Assert.Contains("── digest console-1 to console:newsdesk ──", text, StringComparison.Ordinal);
        Assert.Contains("Daily digest · Sun 29 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("Quiet: no verified events from Sat 28 Nov 07:30 to Sun 29 Nov 07:30 (Asia/Yangon)", text, StringComparison.Ordinal);
    }

    private static async Task AskAsync(BotFactory bot, string text, CommandCaller caller)
    {
        var parsed = Assert.IsType<CommandParseResult.Parsed>(bot.Services.GetRequiredService<CommandParser>().Parse(text));
        var answer = await bot.Services.GetRequiredService<CommandAnswerer>().AnswerAsync(parsed.Command, caller, CancellationToken.None);
        Assert.False(answer.IsProblem, AnswerTextRenderer.Render(answer));
    }
}
