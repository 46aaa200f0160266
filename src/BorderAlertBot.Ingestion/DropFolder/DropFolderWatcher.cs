using BorderAlertBot.Abstractions;
using BorderAlertBot.Curation;
using BorderAlertBot.Ingestion.Files;
using BorderAlertBot.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BorderAlertBot.Ingestion.DropFolder;

/// <summary>
/// The drop folder (README "Drop folder"): curated <c>*.json</c> and ACLED <c>*.csv</c> files put in it are imported once
/// complete — unchanged in size and time between two looks, or last written at least a poll interval ago — and moved to
/// <c>processed/</c> when every record imported, else to <c>failed/</c> with <c>&lt;name&gt;.errors.txt</c> beside them (the
/// good records are in). Names starting with a dot and other extensions (<c>.tmp</c>, <c>.part</c>) are left alone, so
/// writing under such a name and renaming is the safe way in. A name taken in the target gets a number, so no file is
/// ever overwritten. Its health is kept as the source <c>folder</c>, which <c>sources status</c> shows.
/// </summary>
public sealed partial class DropFolderWatcher(
    FileImporter importer,
    ISourceStateStore states,
    IOptions<DropFolderOptions> options,
    TimeProvider timeProvider,
    ILogger<DropFolderWatcher> logger)
{
    public const string SourceName = "folder";

    private readonly Dictionary<string, (long Length, DateTime WrittenAt)> _lastLook = new(StringComparer.Ordinal);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Path);

    public TimeSpan PollInterval => options.Value.PollInterval;

    /// <summary>Looks at the folder once, importing and moving every complete file; returns what became of each.</summary>
    public async Task<IReadOnlyList<DropFolderFile>> ScanAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return [];
        }

        var state = await states.TryGetAsync(SourceName, cancellationToken) ?? SourceState.New(SourceName);
        var done = new List<DropFolderFile>();
        try
        {
            var folder = System.IO.Path.GetFullPath(options.Value.Path!); // IsEnabled checked it.
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "processed"));
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "failed"));
            foreach (var file in ReadyFiles(folder))
            {
                done.Add(await ProcessAsync(folder, file, cancellationToken));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var failed = state with
            {
                LastErrorAt = now,
                LastError = $"the folder cannot be read: {exception.Message}",
                ConsecutiveFailures = state.ConsecutiveFailures + 1,
                NextPollAt = now + PollInterval,
            };
            await states.SaveAsync(failed, cancellationToken);
            Log.FolderFailed(logger, exception.Message);
            return done;
        }

        await SaveAsync(state, done, cancellationToken);
        return done;
    }

    /// <summary>The complete files, oldest name first: seen unchanged at the last look, or not written for a poll interval.</summary>
    private List<FileInfo> ReadyFiles(string folder)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var candidates = new DirectoryInfo(folder).EnumerateFiles()
            .Where(file => !file.Name.StartsWith('.') && ImportFormats.FromExtension(file.Name) is not null)
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        var ready = new List<FileInfo>();
        foreach (var file in candidates)
        {
            var look = (file.Length, file.LastWriteTimeUtc);
            if ((_lastLook.TryGetValue(file.FullName, out var previous) && previous == look) || file.LastWriteTimeUtc <= now - PollInterval)
            {
                ready.Add(file);
                _lastLook.Remove(file.FullName);
            }
            else
            {
                _lastLook[file.FullName] = look;
            }
        }

        foreach (var gone in _lastLook.Keys.Where(path => !candidates.Exists(file => file.FullName == path)).ToList())
        {
            _lastLook.Remove(gone);
        }

        return ready;
    }

    private async Task<DropFolderFile> ProcessAsync(string folder, FileInfo file, CancellationToken cancellationToken)
    {
        var format = ImportFormats.FromExtension(file.Name)!.Value; // ReadyFiles kept only files it names.
        FileImportResult? result = null;
        string? error = null;
        try
        {
            result = await importer.ImportAsync(file.FullName, format, new ImportOptions(DryRun: false, options.Value.Curator), cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && File.Exists(file.FullName))
        {
            error = $"the file cannot be read: {exception.Message}";
        }

        var failed = result is null || result.Summary.Rejected > 0;
        var target = Unique(System.IO.Path.Combine(folder, failed ? "failed" : "processed"), file.Name);
        File.Move(file.FullName, target);
        if (failed)
        {
            await File.WriteAllTextAsync(target + ".errors.txt", DropFolderReport.Write(file.Name, timeProvider.GetUtcNow(), result, error), cancellationToken);
            Log.FileFailed(logger, file.Name, result?.ToString() ?? error!, System.IO.Path.GetFileName(target) + ".errors.txt");
        }
        else
        {
            Log.FileImported(logger, file.Name, result!.ToString());
        }

        return new DropFolderFile(file.Name, target, failed, result, error);
    }

    private async Task SaveAsync(SourceState state, List<DropFolderFile> done, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lastFailed = done.LastOrDefault(file => file.Failed);
        var next = state with
        {
            LastSuccessAt = now,
            ConsecutiveFailures = 0,
            ItemsSeen = state.ItemsSeen + done.Sum(file => file.Result?.Summary.Total ?? 0),
            NextPollAt = now + PollInterval,
            LastErrorAt = lastFailed is null ? state.LastErrorAt : now,
            LastError = lastFailed is null
                ? state.LastError
                : $"{lastFailed.Name} went to failed/ ({(lastFailed.Result is { } result ? $"{result.Summary.Rejected} rejected" : lastFailed.Error)}); see {System.IO.Path.GetFileName(lastFailed.MovedTo)}.errors.txt",
        };
        await states.SaveAsync(next, cancellationToken);
    }

    /// <summary>A path in <paramref name="folder"/> for <paramref name="name"/> that no file has: <c>events.csv</c>, then <c>events (2).csv</c>…</summary>
    private static string Unique(string folder, string name)
    {
        var path = System.IO.Path.Combine(folder, name);
        for (var n = 2; File.Exists(path) || File.Exists(path + ".errors.txt"); n++)
        {
            path = System.IO.Path.Combine(folder, $"{System.IO.Path.GetFileNameWithoutExtension(name)} ({n}){System.IO.Path.GetExtension(name)}");
        }

        return path;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Drop folder: imported {File}: {Result}; moved to processed/")]
        public static partial void FileImported(ILogger logger, string file, string result);

        [LoggerMessage(2, LogLevel.Warning, "Drop folder: {File} moved to failed/: {Result}; see {Report}")]
        public static partial void FileFailed(ILogger logger, string file, string result, string report);

        [LoggerMessage(3, LogLevel.Error, "Drop folder cannot be read: {Error}")]
        public static partial void FolderFailed(ILogger logger, string error);
    }
}
