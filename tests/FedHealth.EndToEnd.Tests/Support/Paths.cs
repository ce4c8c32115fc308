namespace FedHealth.EndToEnd.Tests.Support;

/// <summary>The repository root and the shared reference data beside it.</summary>
internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedData(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", "data", .. parts]));
        Assert.True(File.Exists(path), $"The shared reference data file {path} is missing: clone the project beside ../shared.");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FedHealth.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FedHealth.sln not found above " + AppContext.BaseDirectory);
    }
}
