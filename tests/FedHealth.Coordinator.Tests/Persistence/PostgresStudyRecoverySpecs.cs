using FedHealth.Hosting.Persistence;
using Npgsql;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>
/// The recovery specs on PostgreSQL, each state a database of its own on the server that
/// <c>.ci/postgres</c> starts (FEDHEALTH_TEST_POSTGRES). Without that server they fail: never skipped.
/// </summary>
public sealed class PostgresStudyRecoverySpecs : StudyRecoverySpecs
{
    public const string Variable = "FEDHEALTH_TEST_POSTGRES";

    private readonly List<string> _databases = [];

    public static string Server() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL persistence specs need a server (source .ci/postgres && fedhealth_postgres_start, as .ci/run does).");

    /// <summary>A new, empty database on the test server; its connection string.</summary>
    public static string CreateDatabase(List<string> created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var name = "fh_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(Server()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        created.Add(name);
        return new NpgsqlConnectionStringBuilder(Server()) { Database = name, Pooling = false }.ConnectionString;
    }

    public static void DropDatabases(IEnumerable<string> names)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 })
        {
            return;
        }

        using var connection = new NpgsqlConnection(Server());
        connection.Open();
        foreach (var name in names)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }

    protected override StateStoreOptions NewState(string directory) => new(StateProvider.PostgreSql, directory, CreateDatabase(_databases));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DropDatabases(_databases);
        }

        base.Dispose(disposing);
    }
}
