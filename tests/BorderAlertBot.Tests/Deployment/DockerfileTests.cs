using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BorderAlertBot.Tests.Deployment;

/// <summary>
/// The Dockerfile, checked against the repository: there is no Docker engine here to build it, so what can be checked is
/// checked — what it copies exists, it publishes the executable's project, runs what that publishes, as a non-root user,
/// with the store on its volume, the port it exposes and a health check the bot answers.
/// </summary>
public sealed partial class DockerfileTests
{
    private readonly string[] _lines = File.ReadAllLines(Repository.File("Dockerfile"));

    [Fact]
    public void It_builds_with_the_sdk_and_runs_on_the_aspnet_runtime_of_the_projects_dotnet_version()
    {
        var stages = _lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var framework = XDocument.Load(Repository.File("Directory.Build.props")).Descendants("TargetFramework").Single().Value; // net10.0
        var version = framework["net".Length..];

        Assert.Equal([$"FROM mcr.microsoft.com/dotnet/sdk:{version} AS build", $"FROM mcr.microsoft.com/dotnet/aspnet:{version} AS runtime"], stages);
    }

    [Fact]
    public void Everything_it_copies_exists_and_it_publishes_the_executable_that_its_entrypoint_runs()
    {
        var copied = _lines.Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        var publish = Instruction("RUN dotnet publish ");
        var project = publish.Split(' ')[3];
        var output = Regex.Match(publish, @"-o (\S+)").Groups[1].Value;
        var projectFile = XDocument.Load(Repository.File(project));

        Assert.NotEmpty(copied);
        Assert.All(copied, path => Assert.True(File.Exists(Repository.File(path)) || Directory.Exists(Repository.File(path)), $"COPY {path}: not in the repository"));
        Assert.Equal(PublishedBot.Project, project);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Equal("Exe", projectFile.Descendants("OutputType").Single().Value);
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{output}/{Path.GetFileNameWithoutExtension(project)}.dll\"]", Instruction("ENTRYPOINT "));
        Assert.Equal("CMD [\"run\"]", Instruction("CMD "));
        Assert.Equal($"COPY --from=build {output} {output}", Instruction("COPY --from="));
    }

    [Fact]
    public void It_runs_as_a_non_root_user_listens_on_all_interfaces_on_the_port_it_exposes_keeps_the_store_on_its_volume_and_checks_health()
    {
        var environment = EnvironmentValues();

        Assert.Equal("USER $APP_UID", Instruction("USER "));
        Assert.Equal("0.0.0.0", environment["Http__Address"]);
        Assert.Equal($"EXPOSE {environment["Http__Port"]}", Instruction("EXPOSE "));
        Assert.Equal("VOLUME [\"/data\"]", Instruction("VOLUME "));
        Assert.StartsWith("/data/", environment["Store__Path"], StringComparison.Ordinal);
        Assert.Contains("chown \"$APP_UID\" /data", Instruction("RUN mkdir"), StringComparison.Ordinal);
        Assert.EndsWith("CMD [\"dotnet\", \"/app/BorderAlertBot.dll\", \"health\"]", Instruction("HEALTHCHECK "), StringComparison.Ordinal);
        Assert.Equal("STOPSIGNAL SIGTERM", Instruction("STOPSIGNAL "));
        Assert.True(File.Exists(Repository.File(".dockerignore")));
    }

    private string Instruction(string start) => Assert.Single(_lines, line => line.StartsWith(start, StringComparison.Ordinal));

    /// <summary>The <c>ENV</c> instruction's assignments (one instruction over continued lines).</summary>
    private Dictionary<string, string> EnvironmentValues()
    {
        var at = Array.FindIndex(_lines, line => line.StartsWith("ENV ", StringComparison.Ordinal));
        var text = new List<string>();
        for (var i = at; i < _lines.Length; i++)
        {
            text.Add(_lines[i].TrimEnd('\\').Trim());
            if (!_lines[i].TrimEnd().EndsWith('\\'))
            {
                break;
            }
        }

        return Assignment().Matches(string.Join(' ', text)).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex Assignment();
}
