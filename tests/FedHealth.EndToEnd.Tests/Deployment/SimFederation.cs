namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>The names the compose federation is built from, and the folders deploy/compose/prepare.sh fills.</summary>
internal static class SimFederation
{
    public const string Coordinator = "coordinator";

    public const string Compose = "deploy/compose";

    /// <summary>The development CA, key included: no container may see it.</summary>
    public const string CaKeyFolder = "deploy/compose/certs/ca";

    public static readonly string[] Hospitals = ["hospital-0", "hospital-1", "hospital-2"];

    /// <summary>Made by prepare.sh and git-ignored: absent from a fresh clone.</summary>
    public static readonly string[] GeneratedFolders = ["deploy/compose/certs", "deploy/compose/data"];

    public static bool IsGenerated(string repositoryPath) => GeneratedFolders.Any(folder => IsInside(repositoryPath, folder));

    public static bool IsInside(string path, string folder) =>
        folder == "." || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    public static ComposeService Service(string name) => ComposeFile.Load()[name];

    /// <summary>The config file a service is started with, found through its command and its mounts.</summary>
    public static System.Text.Json.Nodes.JsonObject Config(ComposeService service) =>
        ConfigurationContract.Load(service.RepositoryPathOf(service.ConfigPath));
}
