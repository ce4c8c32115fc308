using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FedHealth.Hosting.Persistence;

/// <summary>
/// Opens the state before any actor uses it, so that every way it can be unusable is one clear
/// error that changes nothing: a PostgreSQL server that cannot be reached, a SQLite file that is
/// locked or is not a database, a state another coordinator holds, a state from a newer schema.
/// The lease it returns holds the state for this process until it is disposed.
/// </summary>
public static class StateStoreCheck
{
    private const string SchemaTable = "fedhealth_state_schema";

    // Any fixed number: the advisory lock that keeps a second coordinator off the same database.
    private const long AdvisoryLockKey = 0x46_48_53_54_41_54_45;

    public static IDisposable Open(StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StateProvider.Sqlite => OpenSqlite(options),
            StateProvider.PostgreSql => OpenPostgres(options),
            _ => new Lease(null, null),
        };
    }

    /// <summary>Host, port and database of a PostgreSQL connection string, never its password.</summary>
    public static string PostgresTarget(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(an unreadable connection string)";
        }
    }

    private static Lease OpenSqlite(StateStoreOptions options)
    {
        var directory = options.Directory!;
        FileStream? lockFile = null;
        try
        {
            Directory.CreateDirectory(directory);
            lockFile = new FileStream(Path.Combine(directory, "state.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StateStoreException($"the state directory '{directory}' is in use by another coordinator (its state.lock is held): stop that one first, or use another state directory.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StateStoreException($"the state directory '{directory}' cannot be written: {ex.Message}", ex);
        }

        try
        {
            // Unpooled: the check must not leave a connection behind that holds the file.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(options.EffectiveConnectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            EnsureSchema(connection, options, "INTEGER");
            // A write lock another program holds shows only when writing.
            Execute(connection, "BEGIN IMMEDIATE; COMMIT;");
            return new Lease(lockFile, null);
        }
        catch (SqliteException ex)
        {
            lockFile.Dispose();
            var what = ex.SqliteErrorCode switch
            {
                5 or 6 => "is locked by another program (SQLite busy): close it and start again",
                11 or 26 => "is corrupt or is not a SQLite database: restore it from a backup (docs/durability.md), or move it away to start afresh",
                _ => $"cannot be opened: {ex.Message}",
            };
            throw new StateStoreException($"the state database '{options.DatabasePath}' {what}.", ex);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    private static Lease OpenPostgres(StateStoreOptions options)
    {
        var target = PostgresTarget(options.EffectiveConnectionString);
        var connection = new NpgsqlConnection(options.EffectiveConnectionString);
        try
        {
            connection.Open();
            EnsureSchema(connection, options, "integer");
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_try_advisory_lock({AdvisoryLockKey})";
            if (command.ExecuteScalar() is not true)
            {
                throw new StateStoreException($"the PostgreSQL state at {target} is in use by another coordinator: stop that one first, or use another database.");
            }

            return new Lease(null, connection);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or ArgumentException)
        {
            connection.Dispose();
            throw new StateStoreException($"cannot reach the PostgreSQL state at {target}: {ex.GetBaseException().Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void EnsureSchema(DbConnection connection, StateStoreOptions options, string integerType)
    {
        Execute(connection, $"CREATE TABLE IF NOT EXISTS {SchemaTable} (version {integerType} NOT NULL)");
        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT MAX(version) FROM {SchemaTable}";
        var found = read.ExecuteScalar();
        if (found is null or DBNull)
        {
            Execute(connection, $"INSERT INTO {SchemaTable} (version) VALUES ({StateStoreOptions.SchemaVersion})");
            return;
        }

        var version = Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture);
        if (version > StateStoreOptions.SchemaVersion)
        {
            throw new StateStoreException(
                $"the state at {options.Describe()} was written by a newer fedhealth (state schema {version}; this one reads up to {StateStoreOptions.SchemaVersion}): upgrade fedhealth; nothing was changed.");
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Lease(FileStream? lockFile, DbConnection? connection) : IDisposable
    {
        public void Dispose()
        {
            connection?.Dispose();
            lockFile?.Dispose();
        }
    }
}
