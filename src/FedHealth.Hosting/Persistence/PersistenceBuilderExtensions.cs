using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;

namespace FedHealth.Hosting.Persistence;

/// <summary>The journal and snapshot store of the coordinator's studies: Akka.Persistence.Sql (Linq2Db) over SQLite or PostgreSQL, or in memory.</summary>
public static class PersistenceBuilderExtensions
{
    private const string InMemory = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    /// <summary>The query side of the journal (listing and reading studies without running them).</summary>
    public const string ReadJournalId = "akka.persistence.query.journal.sql";

    /// <summary>Call <see cref="StateStoreCheck.Open"/> first: this wires the store, it does not check it.</summary>
    public static AkkaConfigurationBuilder WithFedHealthState(this AkkaConfigurationBuilder builder, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StateProvider.Sqlite => builder.WithSqlPersistence(
                options.EffectiveConnectionString, ProviderName.SQLiteMS, databaseMapping: DatabaseMapping.Sqlite, autoInitialize: true),
            StateProvider.PostgreSql => builder.WithSqlPersistence(
                options.EffectiveConnectionString, ProviderName.PostgreSQL15, databaseMapping: DatabaseMapping.PostgreSql, autoInitialize: true),
            _ => builder.AddHocon(InMemory, HoconAddMode.Prepend),
        };
    }
}
