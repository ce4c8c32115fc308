using Npgsql;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// Where the OMOP CDM tables are: an Npgsql connection string and the CDM's schema. The reader
/// opens it read-only; <see cref="Name"/> is how messages name it (host, port, database, schema: never the credentials).
/// </summary>
public sealed record OmopDatabase(string ConnectionString)
{
    /// <summary>The schema that holds the CDM tables (a plain PostgreSQL name).</summary>
    public string Schema { get; init; } = "public";

    /// <summary>How long one query may run.</summary>
    public int CommandTimeoutSeconds { get; init; } = 120;

    public string Name
    {
        get
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database} (schema {Schema})";
            }
            catch (ArgumentException)
            {
                return $"the OMOP database (schema {Schema})";
            }
        }
    }
}
