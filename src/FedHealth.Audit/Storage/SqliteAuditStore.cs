using System.Collections.Immutable;
using System.Text.Json;
using FedHealth.Audit.Entries;
using Microsoft.Data.Sqlite;

namespace FedHealth.Audit.Storage;

/// <summary>
/// A service's audit trail in one SQLite file of its state directory, append-only: rows are
/// inserted in sequence order and never updated (the chain, not the database, is what proves it:
/// an edit of the file shows in <c>fedhealth audit verify</c>).
/// </summary>
public sealed class SqliteAuditStore
{
    public const string FileName = "audit.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS entries (
            sequence INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            study TEXT NULL,
            round INTEGER NULL,
            data TEXT NOT NULL,
            previous TEXT NOT NULL,
            hash TEXT NOT NULL,
            signature TEXT NOT NULL);
        """;

    private readonly string _connection;

    public SqliteAuditStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connection = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = Schema;
        create.ExecuteNonQuery();
    }

    public string Path { get; }

    public static SqliteAuditStore InDirectory(string stateDirectory) => new(System.IO.Path.Combine(stateDirectory, FileName));

    /// <summary>Whether a state directory holds a trail (without creating one).</summary>
    public static bool ExistsIn(string stateDirectory) => File.Exists(System.IO.Path.Combine(stateDirectory, FileName));

    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO entries (sequence, at, service, kind, study, round, data, previous, hash, signature)
            VALUES ($sequence, $at, $service, $kind, $study, $round, $data, $previous, $hash, $signature);
            """;
        insert.Parameters.AddWithValue("$sequence", entry.Sequence);
        insert.Parameters.AddWithValue("$at", entry.At);
        insert.Parameters.AddWithValue("$service", entry.Service);
        insert.Parameters.AddWithValue("$kind", entry.Kind);
        insert.Parameters.AddWithValue("$study", (object?)entry.Study ?? DBNull.Value);
        insert.Parameters.AddWithValue("$round", (object?)entry.Round ?? DBNull.Value);
        insert.Parameters.AddWithValue("$data", JsonSerializer.Serialize(entry.Data));
        insert.Parameters.AddWithValue("$previous", entry.Previous);
        insert.Parameters.AddWithValue("$hash", entry.Hash);
        insert.Parameters.AddWithValue("$signature", entry.Signature);
        insert.ExecuteNonQuery();
    }

    /// <summary>Every entry, in sequence order.</summary>
    public IReadOnlyList<AuditEntry> Entries()
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT sequence, at, service, kind, study, round, data, previous, hash, signature FROM entries ORDER BY sequence;";
        using var reader = select.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            var data = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6))
                ?? throw new InvalidDataException($"The audit trail {Path} holds an entry without data (sequence {reader.GetInt64(0)}).");
            entries.Add(new AuditEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                data.ToImmutableSortedDictionary(StringComparer.Ordinal), reader.GetString(7), reader.GetString(8), reader.GetString(9)));
        }

        return entries;
    }

    /// <summary>The last entry's sequence and hash; (0, genesis) for an empty trail.</summary>
    public (long Sequence, string Hash) Head()
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT sequence, hash FROM entries ORDER BY sequence DESC LIMIT 1;";
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, Chain.EntryDigest.Genesis);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connection);
        connection.Open();
        return connection;
    }
}
