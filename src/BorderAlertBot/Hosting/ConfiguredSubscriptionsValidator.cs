using Microsoft.Extensions.Options;

namespace BorderAlertBot.Hosting;

/// <summary>Stops the start when a configured subscription cannot be read, naming each key to fix.</summary>
public sealed class ConfiguredSubscriptionsValidator(ConfiguredSubscriptionReader reader) : IValidateOptions<ConfiguredSubscriptionsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfiguredSubscriptionsOptions options)
    {
        var problems = new List<string>();
        reader.Read(options, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
