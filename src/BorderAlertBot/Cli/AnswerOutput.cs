using System.Globalization;
using BorderAlertBot.Answers;

namespace BorderAlertBot.Cli;

/// <summary>What the verbs that answer like a channel (<c>query</c>, <c>digest preview</c>) share: <c>--at</c> and <c>--out</c>.</summary>
public static class AnswerOutput
{
    /// <summary>Reads <c>--at</c> (ISO 8601, UTC when no offset is given); false, with the problem reported, when it is not a time.</summary>
    public static async Task<(bool Ok, DateTimeOffset? At)> TryReadAtAsync(string? text, CliEnvironment environment)
    {
        if (text is null)
        {
            return (true, null);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return (true, at);
        }

        await environment.Error.WriteLineAsync($"--at: '{text}' is not a time; use ISO 8601 such as 2024-01-15T00:00Z.");
        return (false, null);
    }

    /// <summary>Prints the answer as text and, when a folder is given and the answer has a chart, writes the chart there.</summary>
    public static async Task WriteAsync(Answer answer, DirectoryInfo? chartFolder, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await environment.Output.WriteLineAsync(AnswerTextRenderer.Render(answer));
        if (answer.Image is { } image && chartFolder is not null)
        {
            chartFolder.Create();
            var path = Path.Combine(chartFolder.FullName, image.FileName);
            await File.WriteAllBytesAsync(path, image.Png, cancellationToken);
            await environment.Output.WriteLineAsync($"Chart written to {path}");
        }
    }
}
