using System.Globalization;
using BorderAlertBot.CrashHarness;
using BorderAlertBot.Delivery;
using BorderAlertBot.Hosting;
using BorderAlertBot.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// BorderAlertBot.CrashHarness <database> <deliveries file> [restart number]: the real watcher and dispatcher on the
// database, sending to a file; prints "sent <n>" per message and "done" when the feed is read and the outbox is empty.
if (args.Length is < 2 or > 3)
{
    await Console.Error.WriteLineAsync("usage: BorderAlertBot.CrashHarness <database> <deliveries file> [restart number]");
    return 2;
}

var restart = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = args[0] });
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(ShiftedTimeProvider.PerRestart * restart));
builder.Services.AddBorderAlertBotServices(builder.Configuration);
builder.Services.RemoveAll<IAlertSender>();
builder.Services.AddSingleton<IAlertSender>(_ => new FileRecordingSender(args[1], Console.Out));
builder.Services.AddHostedService<AlertWatcherWorker>();
builder.Services.AddHostedService<DispatcherWorker>();
builder.Services.AddHostedService<DrainMonitor>();
await builder.Build().RunAsync();
return 0;
