namespace FedHealth.Training.Tests.Support;

/// <summary>Finds the repository root and the shared reference data beside it (../shared/data).</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FedHealth.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No FedHealth.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>
    /// A file under ../shared/data beside the repository; fails (never skips) when it is absent,
    /// since CI always lays shared/ beside its clone.
    /// </summary>
    public static string SharedData(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", "data", .. parts]));
        Assert.True(File.Exists(path), $"Reference data file missing: {path}. Tests expect ../shared/data beside the repository root ({Root}).");
        return path;
    }
}
