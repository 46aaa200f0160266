using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Domain;
using BorderAlertBot.Slack.Admins;
using BorderAlertBot.Slack.Delivery;
using BorderAlertBot.Slack.Rest;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.FakeSlack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Slack.Tests.Support;

/// <summary>
/// The Slack services composed as <see cref="SlackServiceCollectionExtensions.AddBorderAlertBotSlack"/> composes them,
/// pointed at a <see cref="FakeSlackServer"/>, with one <see cref="FakeTimeProvider"/> for both, so the bot's pacing and
/// the fake's limits agree; every log line is kept.
/// </summary>
public sealed class SlackBotHarness : IAsyncDisposable
{
    public const string Token = "xoxb-1111-2222-harnessbottoken";

    /// <summary>How long a test waits for something that should happen at once (real time; it never sleeps).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly ServiceProvider _services;

    private SlackBotHarness(FakeTimeProvider time, FakeSlackServer server, ServiceProvider services, CollectingLoggerProvider logs)
    {
        Time = time;
        Server = server;
        _services = services;
        Logs = logs;
    }

    public FakeTimeProvider Time { get; }

    public FakeSlackServer Server { get; }

    public CollectingLoggerProvider Logs { get; }

    public SlackChannelSender Channels => _services.GetRequiredService<SlackChannelSender>();

    public SlackWebhookSender Webhooks => _services.GetRequiredService<SlackWebhookSender>();

    public SlackChatApi Chat => _services.GetRequiredService<SlackChatApi>();

    public SlackRateLimiter Limiter => _services.GetRequiredService<SlackRateLimiter>();

    public SlackAuthState Auth => _services.GetRequiredService<SlackAuthState>();

    public SlackAdmins Admins => _services.GetRequiredService<SlackAdmins>();

    public IEnumerable<IAlertSender> Senders => _services.GetServices<IAlertSender>();

    /// <param name="settings">Configuration keys to add or override, e.g. <c>Slack:AdminUserIds:0</c>.</param>
    /// <param name="fake">Changes to the fake server's limits.</param>
    public static async Task<SlackBotHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Func<FakeSlackOptions, FakeSlackOptions>? fake = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
        var fakeOptions = new FakeSlackOptions { BotToken = Token, TimeProvider = time };
        fakeOptions = fake?.Invoke(fakeOptions) ?? fakeOptions;
        var server = await FakeSlackServer.StartAsync(fakeOptions);

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = server.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var logs = new CollectingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddBorderAlertBotSlack(configuration);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        return new SlackBotHarness(time, server, services.BuildServiceProvider(), logs);
    }

    public static DeliveryTarget Channel(string channelId) => new(TargetKind.SlackChannel, channelId);

    public static DeliveryTarget Webhook(Uri url) => new(TargetKind.SlackWebhook, url.ToString());

    /// <summary>One message with a new-event entry for each event (a fresh event when none is given).</summary>
    public static AlertMessage Alert(params ConflictEvent[] events) =>
        new([.. (events.Length == 0 ? [new EventBuilder().Build()] : events).Select(e => new AlertEntry(e, AlertKind.New, []))], null);

    public static AlertMessage Update(ConflictEvent conflictEvent, AlertKind kind = AlertKind.Updated) => new([new AlertEntry(conflictEvent, kind, [])], null);

    public static string Key() => Some.String("outbox");

    public static string MessageRef(DeliveryResult result) => Assert.IsType<DeliveryResult.Delivered>(result).MessageRef;

    /// <summary>The Web API requests the fake received for one method, e.g. <c>chat.postMessage</c>.</summary>
    public IReadOnlyList<FakeSlackRequest> Requests(string method) => [.. Server.Received.Where(request => request.ApiMethod == method)];

    /// <summary>
    /// Waits for <paramref name="task"/> while moving the fake clock on in small steps, so calls the limiter paces (a
    /// fourth message to a channel within a second) go out; up to <see cref="Patience"/> of real time.
    /// </summary>
    public async Task<T> PacedAsync<T>(Task<T> task)
    {
        await PacedAsync((Task)task);
        return await task;
    }

    /// <inheritdoc cref="PacedAsync{T}(Task{T})"/>
    public async Task PacedAsync(Task task)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!task.IsCompleted && TimeProvider.System.GetElapsedTime(started) < Patience)
        {
            // A moment of real time per step: a request on its way (a cold first connection) must not watch the fake
            // clock race hours ahead, which no real network does.
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await task.WaitAsync(Patience);
    }

    /// <summary>Every log line, as one text, for looking for secrets.</summary>
    public string AllLogs => string.Join("\n", Logs.Lines);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
