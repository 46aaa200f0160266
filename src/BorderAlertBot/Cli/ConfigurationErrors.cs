using Microsoft.Extensions.Options;

namespace BorderAlertBot.Cli;

/// <summary>Recognises configuration failures at start and turns them into one line per problem, naming the key.</summary>
public static class ConfigurationErrors
{
    public static IReadOnlyList<string>? TryDescribe(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures.ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => TryDescribe(inner) is not null) =>
            aggregate.InnerExceptions.SelectMany(inner => TryDescribe(inner)!).ToList(), // Checked by the guard.
        InvalidOperationException conversion when conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [conversion.Message.TrimEnd('.')],
        _ => null,
    };

    public static int Report(TextWriter error, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine($"Invalid configuration: {problem}");
        }

        return ExitCodes.InvalidConfiguration;
    }
}
