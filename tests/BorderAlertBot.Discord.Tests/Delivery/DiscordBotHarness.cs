using System.Globalization;
using BorderAlertBot.Alerting;
using BorderAlertBot.Delivery;
using BorderAlertBot.Discord.Delivery;
using BorderAlertBot.Discord.Rest;
using BorderAlertBot.Domain;
using BorderAlertBot.Subscriptions;
using BorderAlertBot.Testing;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Testing.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlertBot.Discord.Tests.Delivery;

/// <summary>
/// The Discord services composed as the host composes them, pointed at a <see cref="FakeDiscordServer"/>, with one
/// <see cref="FakeTimeProvider"/> for both, so the bot's rate-limit windows and the fake's agree.
/// </summary>
public sealed class DiscordBotHarness : IAsyncDisposable
{
    public const string Token = "fake-bot-token";
    public const string AppId = "1300000000000000001";

    /// <summary>How long a test waits for something that should happen at once (real time; it never sleeps).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A real 1×1 PNG (RGBA), its chunks' CRCs correct.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly ServiceProvider _services;

    private DiscordBotHarness(FakeTimeProvider time, FakeDiscordServer server, ServiceProvider services)
    {
        Time = time;
        Server = server;
        _services = services;
    }

    public FakeTimeProvider Time { get; }

    public FakeDiscordServer Server { get; }

    public DiscordChannelSender Channels => _services.GetRequiredService<DiscordChannelSender>();

    public DiscordWebhookSender Webhooks => _services.GetRequiredService<DiscordWebhookSender>();

    public DiscordRateLimiter Limiter => _services.GetRequiredService<DiscordRateLimiter>();

    public DiscordAuthState Auth => _services.GetRequiredService<DiscordAuthState>();

    public DiscordOptions Options => _services.GetRequiredService<IOptions<DiscordOptions>>().Value;

    /// <param name="settings">Configuration keys to add or override, e.g. <c>Discord:Replies</c>.</param>
    /// <param name="fake">Changes to the fake server's limits.</param>
    /// <param name="share">This instance's share of the bot's budgets, as when several instances send for one bot.</param>
    public static async Task<DiscordBotHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<FakeDiscordOptions>? fake = null, Coordination.ClusterShare? share = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
        var fakeOptions = new FakeDiscordOptions { BotToken = Token, ApplicationId = AppId, TimeProvider = time };
        fake?.Invoke(fakeOptions);
        var server = await FakeDiscordServer.StartAsync(fakeOptions);

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Discord:BotToken"] = Token,
            ["Discord:ApplicationId"] = AppId,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddBorderAlertBotDiscord(configuration);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        if (share is not null)
        {
            services.AddSingleton(share);
        }

        return new DiscordBotHarness(time, server, services.BuildServiceProvider());
    }

    /// <summary>A channel id of its own for each number: <c>1200000000000100042</c>.</summary>
    public static string ChannelId(int n) => string.Create(CultureInfo.InvariantCulture, $"1200000000000{n:D6}");

    public static DeliveryTarget Channel(string channelId) => new(TargetKind.DiscordChannel, channelId);

    public static DeliveryTarget Webhook(string url) => new(TargetKind.DiscordWebhook, url);

    /// <summary>One message with a new-event entry for each event (a fresh event when none is given), pinging nobody.</summary>
    public static AlertMessage Alert(params ConflictEvent[] events) => AlertMentioning(null, events);

    /// <summary>As <see cref="Alert"/>, with the subscription's mention as configured.</summary>
    public static AlertMessage AlertMentioning(string? mention, params ConflictEvent[] events) =>
        new([.. (events.Length == 0 ? [new EventBuilder().Build()] : events).Select(e => new AlertEntry(e, AlertKind.New, []))], mention);

    public static AlertMessage Update(ConflictEvent conflictEvent) => new([new AlertEntry(conflictEvent, AlertKind.Updated, [])], null);

    public static string Key() => Some.String("outbox");

    /// <summary>The requests the fake received for a route, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public IReadOnlyList<FakeDiscordRequest> Requests(string route) => [.. Server.Received.Where(request => request.Route == route)];

    public static string MessageRef(DeliveryResult result) => Assert.IsType<DeliveryResult.Delivered>(result).MessageRef;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
