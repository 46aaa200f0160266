using BorderAlertBot.Cli;
using BorderAlertBot.Testing.Builders;
using BorderAlertBot.Tests.Support;

namespace BorderAlertBot.Tests.Cli;

/// <summary>The drop folder through the CLI: <c>sources poll folder</c> takes what is there, <c>sources status</c> shows its health.</summary>
public sealed class DropFolderCommandTests : IDisposable
{
    private readonly BotData _data = new();
    private readonly CliRunner _cli;

    public DropFolderCommandTests() =>
        _cli = new CliRunner(_data.DatabasePath, new Dictionary<string, string?> { ["DropFolder:Path"] = Path.Combine(_data.Folder, "drop") });

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Polling_the_folder_imports_a_dropped_ACLED_file_and_status_shows_the_folder()
    {
        // Arrange: a file written a while ago (a file just written waits one more look).
        Directory.CreateDirectory(Path.Combine(_data.Folder, "drop"));
        var path = _data.Write("drop/acled.csv", AcledCsv.Current(new AcledRowBuilder().With("event_id_cnty", "MMR31337")));
        File.SetLastWriteTimeUtc(path, DateTime.UnixEpoch.AddYears(50));

        // Act
        var poll = await _cli.RunAsync("sources", "poll", "folder");
        var status = await _cli.RunAsync("sources", "status");
        var shown = await _cli.RunAsync("events", "show", "evt_acled_mmr31337");

        // Assert
        Assert.Equal(ExitCodes.Success, poll.ExitCode);
        Assert.Contains("folder: ok", status.Output, StringComparison.Ordinal);
        Assert.Contains("items seen:   1", status.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data.Folder, "drop", "processed", "acled.csv")));
        Assert.Equal(ExitCodes.Success, shown.ExitCode);
    }

    [Fact]
    public async Task Without_a_path_the_folder_is_not_a_source()
    {
        var cli = new CliRunner(_data.DatabasePath);

        var poll = await cli.RunAsync("sources", "poll", "folder");

        Assert.Equal(ExitCodes.Failed, poll.ExitCode);
        Assert.Contains("No source named 'folder'", poll.Error, StringComparison.Ordinal);
    }
}
