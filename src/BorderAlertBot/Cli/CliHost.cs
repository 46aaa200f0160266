using BorderAlertBot.Abstractions;
using BorderAlertBot.Hosting;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Cli;

/// <summary>The services of the bot without its workers or HTTP listener, for one CLI verb.</summary>
public static class CliHost
{
    /// <summary>Runs a verb's work with the services, or reports the invalid configuration.</summary>
    public static async Task<int> WithServicesAsync(CliEnvironment environment, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        using var host = await StartAsync(environment, cancellationToken);
        return host is null ? ExitCodes.InvalidConfiguration : await action(host.Services, cancellationToken);
    }

    /// <summary>The configuration a verb would run with (appsettings, user secrets, environment, overrides), nothing started.</summary>
    public static IConfiguration ReadConfiguration(CliEnvironment environment) => CreateBuilder(environment).Configuration;

    /// <summary>Builds the services, validates every option and migrates the store; null when the configuration is invalid (already reported).</summary>
    public static async Task<IHost?> StartAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(environment);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBorderAlertBotServices(builder.Configuration);
        var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await host.Services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);
            return host;
        }
        catch (Exception exception) when (ConfigurationErrors.TryDescribe(exception) is { } problems)
        {
            ConfigurationErrors.Report(environment.Error, problems);
            host.Dispose();
            return null;
        }
    }

    private static HostApplicationBuilder CreateBuilder(CliEnvironment environment)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddBorderAlertBotSources(builder.Environment, []);
        builder.Configuration.AddInMemoryCollection(environment.Overrides);
        return builder;
    }
}
