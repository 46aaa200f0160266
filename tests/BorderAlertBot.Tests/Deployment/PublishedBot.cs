using System.Diagnostics;

namespace BorderAlertBot.Tests.Deployment;

/// <summary>
/// The executable published once for the deployment tests, as an operator publishes it (the project the Dockerfile
/// publishes), into a temp folder that stands for <c>/opt/borderalertbot</c>. Reuses the build of this test run
/// (<c>--no-build</c>, same configuration), so it takes seconds.
/// </summary>
public sealed class PublishedBot : IAsyncLifetime
{
    public const string Project = "src/BorderAlertBot/BorderAlertBot.csproj";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "borderalertbot-publish-" + Guid.NewGuid().ToString("N"));

    /// <summary>The apphost, what <c>ExecStart</c> runs.</summary>
    public string Executable => Path.Combine(Folder, "BorderAlertBot");

    public async Task InitializeAsync()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))) ?? "Debug";
        var start = new ProcessStartInfo("dotnet", ["publish", Repository.File(Project), "-c", configuration, "--no-build", "-o", Folder])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start)!; // Start returns null only for shell-executed documents.
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:{System.Environment.NewLine}{await output}{await error}");
        Assert.True(File.Exists(Executable), "no apphost in " + Folder);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedBotCollection : ICollectionFixture<PublishedBot>
{
    public const string Name = "Published executable";
}
