using System.CommandLine;
using System.Globalization;
using System.Net;
using BorderAlertBot.Hosting;

namespace BorderAlertBot.Cli;

/// <summary>
/// <c>health [--ready]</c>: asks the running bot on this machine for <c>/healthz</c> (or <c>/readyz</c>) at
/// <c>Http:Address</c>/<c>Http:Port</c>; exit code 0 when it answers 200, 1 otherwise. For container health checks on
/// images without curl; it reads the configuration only and starts nothing.
/// </summary>
public static class HealthCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var ready = new Option<bool>("--ready") { Description = "Ask /readyz (store and platforms) instead of /healthz (the process is up)." };
        var command = new Command("health", "Ask the running bot whether it is alive (or ready); exit code 0 when it is.") { ready };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CliHost.ReadConfiguration(environment);
            var defaults = new HttpOptions();
            var address = configuration[$"{HttpOptions.SectionName}:{nameof(HttpOptions.Address)}"] ?? defaults.Address;
            var port = configuration[$"{HttpOptions.SectionName}:{nameof(HttpOptions.Port)}"] ?? defaults.Port.ToString(CultureInfo.InvariantCulture);
            if (!IPAddress.TryParse(address, out var ip) || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                await environment.Error.WriteLineAsync($"Http:Address '{address}' or Http:Port '{port}' is not valid.");
                return ExitCodes.InvalidConfiguration;
            }

            // The bot listening on every interface is asked on loopback.
            var host = ip.Equals(IPAddress.Any) ? IPAddress.Loopback : ip.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : ip;
            var url = new UriBuilder(Uri.UriSchemeHttp, host.ToString(), number, parseResult.GetValue(ready) ? "/readyz" : "/healthz").Uri;
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                await (response.IsSuccessStatusCode ? environment.Output : environment.Error).WriteLineAsync($"{(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.Failed;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await environment.Error.WriteLineAsync($"No answer from {url}: {exception.GetType().Name}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
