using System.CommandLine;
using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.Files;
using Spectre.Console;

namespace BorderAlertBot.Cli;

/// <summary><c>import FILE [--format curated|acled] [--dry-run] [--curator NAME]</c>: curated JSON or an ACLED export into the store.</summary>
public static class ImportCommand
{
    private const int ErrorsShown = 100;

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("file") { Description = "A curated JSON file (schemas/curated-events.schema.json) or an ACLED CSV export." };
        var format = new Option<string?>("--format")
        {
            Description = "curated or acled; without it, told by the extension (.json, .csv) or the file's start.",
        };
        format.AcceptOnlyFromAmong("curated", "acled");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change, writing nothing." };
        var curator = new Option<string>("--curator")
        {
            Description = "Who is importing; recorded on each revision unless the file or record names a curator.",
            DefaultValueFactory = _ => Environment.UserName,
        };
        var command = new Command("import", "Import curated events: new ids are added, changed records become revisions, identical ones are left alone.")
        {
            file, format, dryRun, curator,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file)!, // Required argument: the parser has already rejected a missing one.
            parseResult.GetValue(format),
            parseResult.GetValue(dryRun),
            parseResult.GetValue(curator) ?? Environment.UserName,
            environment,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, string? formatName, bool dryRun, string curator, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await environment.Error.WriteLineAsync($"No such file: {file.FullName}");
            return ExitCodes.Failed;
        }

        ImportFormat format;
        if (formatName is not null && ImportFormats.TryParse(formatName, out var named))
        {
            format = named; // The parser accepted only curated or acled.
        }
        else if (ImportFormats.Detect(file.FullName) is { } detected)
        {
            format = detected;
        }
        else
        {
            await environment.Error.WriteLineAsync($"{file.Name}: neither curated JSON nor an ACLED CSV export by its name or start; say which with --format curated|acled.");
            return ExitCodes.Failed;
        }

        using var host = await CliHost.StartAsync(environment, cancellationToken);
        if (host is null)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var importer = host.Services.GetRequiredService<FileImporter>();
        var result = environment.IsInteractive
            ? await ImportWithProgressBarAsync(importer, format, file, dryRun, curator, cancellationToken)
            : await importer.ImportAsync(file.FullName, format, new ImportOptions(dryRun, curator, new LineProgress(environment.Output, file.Length)), cancellationToken);
        var summary = result.Summary;

        foreach (var error in summary.Errors.Take(ErrorsShown))
        {
            await environment.Error.WriteLineAsync($"{file.Name}: {error}");
        }

        if (summary.Errors.Count > ErrorsShown)
        {
            await environment.Error.WriteLineAsync($"{file.Name}: … and {summary.Errors.Count - ErrorsShown} more errors.");
        }

        await environment.Output.WriteLineAsync($"Imported {file.Name}: {result}");
        return summary.Rejected > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static async Task<FileImportResult> ImportWithProgressBarAsync(
        FileImporter importer, ImportFormat format, FileInfo file, bool dryRun, string curator, CancellationToken cancellationToken)
    {
        FileImportResult? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {Markup.Escape(file.Name)}", maxValue: Math.Max(1, file.Length));
                summary = await importer.ImportAsync(file.FullName, format, new ImportOptions(dryRun, curator, new SynchronousProgress(task)), cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!; // StartAsync ran the callback to completion.
    }

    /// <summary>Moves the bar on the importer's thread; <see cref="Progress{T}"/> would post to a sync context we don't have.</summary>
    private sealed class SynchronousProgress(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => task.Value = value.Position;
    }

    /// <summary>For redirected output (CI, logs): a line at every tenth of the file.</summary>
    private sealed class LineProgress(TextWriter output, long totalBytes) : IProgress<ImportProgress>
    {
        private int _lastTenth;

        public void Report(ImportProgress value)
        {
            var tenth = totalBytes <= 0 ? 10 : (int)(value.Position * 10 / totalBytes);
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                output.WriteLine($"… {value.Records:N0} records read ({tenth * 10} %)");
            }
        }
    }
}
