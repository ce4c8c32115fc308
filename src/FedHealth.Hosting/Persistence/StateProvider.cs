namespace FedHealth.Hosting.Persistence;

/// <summary>Where a coordinator keeps its studies' journal and snapshots.</summary>
public enum StateProvider
{
    /// <summary>In memory: nothing survives the process (the default of <c>sim</c>).</summary>
    Memory,

    /// <summary>One SQLite file in the state directory (the default of the coordinator service).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by a connection string.</summary>
    PostgreSql,
}
