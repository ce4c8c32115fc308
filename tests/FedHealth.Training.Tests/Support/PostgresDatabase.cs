using System.Security.Cryptography;
using FedHealth.Training.Data.Omop;
using FedHealth.Training.Data.Omop.Synthetic;
using Npgsql;

namespace FedHealth.Training.Tests.Support;

/// <summary>
/// A database of its own on the throwaway cluster named by FEDHEALTH_TEST_POSTGRES (`.ci/postgres`),
/// dropped afterwards. Without the variable every spec that uses it fails, naming it: never a skip.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "FEDHEALTH_TEST_POSTGRES";
    private readonly string _server;
    private readonly string _name;

    public PostgresDatabase()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set: these specs need a PostgreSQL server. Run them as `source .ci/postgres && fedhealth_postgres_start && dotnet test …; fedhealth_postgres_stop`.");
        _name = "fh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;
    }

    public string ConnectionString { get; }

    public OmopDatabase Omop(string schema) => new(ConnectionString) { Schema = schema };

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A schema with the CDM tables and these rows.</summary>
    public OmopDatabase Load(string schema, OmopRows rows)
    {
        using var connection = Open();
        OmopTrialLoader.CreateTables(connection, schema);
        OmopTrialLoader.Load(connection, schema, rows);
        return Omop(schema);
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
