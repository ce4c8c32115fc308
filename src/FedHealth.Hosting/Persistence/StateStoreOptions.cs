namespace FedHealth.Hosting.Persistence;

/// <summary>
/// The coordinator's state: the provider of the journal and snapshot store, the directory that
/// holds the SQLite file (when SQLite) and always the content-addressed model blobs, and the
/// PostgreSQL connection string (when PostgreSQL).
/// </summary>
public sealed record StateStoreOptions(StateProvider Provider, string? Directory, string? ConnectionString = null)
{
    public const string DatabaseFileName = "state.db";

    public const string ModelsFolderName = "models";

    /// <summary>The version of the state's layout that this build writes; a newer one is refused, never read.</summary>
    public const int SchemaVersion = 1;

    public static StateStoreOptions Memory { get; } = new(StateProvider.Memory, null);

    public bool IsDurable => Provider != StateProvider.Memory;

    public string DatabasePath => Path.Combine(RequireDirectory(), DatabaseFileName);

    /// <summary>Where the global model of every kept round lives, by content hash.</summary>
    public string ModelsDirectory => Path.Combine(RequireDirectory(), ModelsFolderName);

    /// <summary>The ADO.NET connection string of the store (never logged: it may hold a password).</summary>
    public string EffectiveConnectionString => Provider switch
    {
        StateProvider.Sqlite => $"Data Source={DatabasePath};Pooling=True;Default Timeout=5",
        StateProvider.PostgreSql => ConnectionString ?? throw new InvalidOperationException("PostgreSQL state needs a connection string."),
        _ => throw new InvalidOperationException("In-memory state has no connection string."),
    };

    /// <summary>Where the state is, in words fit for a log or an error (no password).</summary>
    public string Describe() => Provider switch
    {
        StateProvider.Sqlite => $"SQLite {DatabasePath}",
        StateProvider.PostgreSql => $"PostgreSQL {StateStoreCheck.PostgresTarget(EffectiveConnectionString)}",
        _ => "memory",
    };

    private string RequireDirectory() =>
        Directory ?? throw new InvalidOperationException("This state has no directory.");
}
