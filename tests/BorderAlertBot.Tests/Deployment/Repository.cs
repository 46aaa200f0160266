namespace BorderAlertBot.Tests.Deployment;

/// <summary>The repository the tests run from: its root is the folder above them that holds the solution.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "BorderAlertBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No BorderAlertBot.sln above " + AppContext.BaseDirectory);
    }
}
