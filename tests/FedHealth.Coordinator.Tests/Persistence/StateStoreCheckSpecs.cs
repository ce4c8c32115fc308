using FedHealth.Hosting.Persistence;
using Microsoft.Data.Sqlite;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>Each way the state can be unusable is one clear error before any actor touches it, and nothing is changed.</summary>
public sealed class StateStoreCheckSpecs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fedhealth-state-" + Guid.NewGuid().ToString("N"));

    private StateStoreOptions Sqlite => new(StateProvider.Sqlite, _folder);

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_as_corrupt_and_left_as_it_was()
    {
        Directory.CreateDirectory(_folder);
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(Sqlite.DatabasePath, garbage);

        var error = Assert.Throws<StateStoreException>(() => StateStoreCheck.Open(Sqlite));

        Assert.Contains("is corrupt or is not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(Sqlite.DatabasePath));
    }

    [Fact]
    public void A_state_written_by_a_newer_schema_is_refused_naming_both_versions()
    {
        StateStoreCheck.Open(Sqlite).Dispose();
        using (var connection = new SqliteConnection(Sqlite.EffectiveConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO fedhealth_state_schema (version) VALUES (99)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StateStoreException>(() => StateStoreCheck.Open(Sqlite));

        Assert.Contains($"state schema 99; this one reads up to {StateStoreOptions.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_directory_another_coordinator_holds_is_refused()
    {
        using var first = StateStoreCheck.Open(Sqlite);

        var error = Assert.Throws<StateStoreException>(() => StateStoreCheck.Open(Sqlite));

        Assert.Contains("in use by another coordinator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_another_program_holds_locked_is_refused_as_locked()
    {
        StateStoreCheck.Open(Sqlite).Dispose();
        using var other = new SqliteConnection($"Data Source={Sqlite.DatabasePath}");
        other.Open();
        using (var command = other.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StateStoreException>(() => StateStoreCheck.Open(Sqlite));

        Assert.Contains("is locked by another program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_postgresql_is_refused_naming_where_without_the_password()
    {
        var state = new StateStoreOptions(StateProvider.PostgreSql, _folder, "Host=127.0.0.1;Port=1;Database=fh;Username=u;Password=secret-pw;Timeout=2");

        var error = Assert.Throws<StateStoreException>(() => StateStoreCheck.Open(state));

        Assert.Contains("cannot reach the PostgreSQL state at 127.0.0.1:1/fh", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
