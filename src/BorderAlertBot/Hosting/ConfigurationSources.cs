namespace BorderAlertBot.Hosting;

public static class ConfigurationSources
{
    /// <summary>
    /// Adds user secrets in every environment (the default host adds them only in Development), then environment
    /// variables and the command line again so they still win: appsettings &lt; user secrets &lt; environment &lt; command line.
    /// </summary>
    public static IConfigurationBuilder AddBorderAlertBotSources(this IConfigurationBuilder configuration, IHostEnvironment environment, string[] args)
    {
        if (!environment.IsDevelopment())
        {
            configuration.AddUserSecrets(typeof(Program).Assembly, optional: true, reloadOnChange: false);
            configuration.AddEnvironmentVariables();
            if (args.Length > 0)
            {
                configuration.AddCommandLine(args);
            }
        }

        return configuration;
    }
}
