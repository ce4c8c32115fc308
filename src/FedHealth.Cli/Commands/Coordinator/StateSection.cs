using FedHealth.Hosting.Persistence;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// <c>Coordinator:State</c>: where the studies' journal, snapshots and models are kept
/// (docs/durability.md). SQLite by default, one file in <see cref="Directory"/> (default
/// <c>&lt;Coordinator:Output&gt;/state</c>); PostgreSQL with a connection string, the models still in the directory.
/// </summary>
internal sealed class StateSection
{
    public const string DefaultFolderName = "state";

    /// <summary><c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public string? ConnectionString { get; set; }

    public string? Directory { get; set; }

    /// <summary>How many of the last rounds' global models are kept (the initial model always is).</summary>
    public int KeepModels { get; set; } = 5;

    public void Check(string key, List<string> problems)
    {
        if (ProviderKind() is null)
        {
            problems.Add($"{key}:Provider must be sqlite or postgresql (got '{Provider}').");
        }
        else if (ProviderKind() == StateProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{key}:ConnectionString is required with {key}:Provider postgresql (an Npgsql connection string).");
        }

        if (KeepModels < 1)
        {
            problems.Add($"{key}:KeepModels must be at least 1 (got {KeepModels}).");
        }
    }

    public StateStoreOptions ToOptions(string output) =>
        new(ProviderKind() ?? StateProvider.Sqlite, Directory ?? Path.Combine(output, DefaultFolderName), ConnectionString);

    private StateProvider? ProviderKind() => Provider.ToLowerInvariant() switch
    {
        "sqlite" => StateProvider.Sqlite,
        "postgresql" or "postgres" => StateProvider.PostgreSql,
        _ => null,
    };
}
