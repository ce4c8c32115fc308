using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;
using Npgsql;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// Turns one site's OMOP CDM v5.4 tables in PostgreSQL into the feature rows the CSV loader
/// produces, by the cohort: one row per person (by person_id), the features in the cohort's order,
/// the label from condition concepts. Read-only, in one transaction, with parameterised SQL: the
/// only configured text in a query is the schema name, which must be a plain identifier and is
/// quoted. See docs/data.md.
/// </summary>
public static class OmopDatasetReader
{
    /// <param name="strict">Refuse rows whose unit cannot be converted and features with no value at all (training); false only counts them (<c>data check</c>).</param>
    /// <exception cref="DataValidationException">An invalid cohort or schema name, an unreachable database, a missing table or column, or (strict) an unconvertible unit or a feature with no values; each names the database, table, column or feature.</exception>
    public static SourceReadResult Read(OmopDatabase database, OmopCohort cohort, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cohort);
        var source = database.Name;
        cohort.Validate(source);
        var schema = SqlIdentifier.Quote(database.Schema, "OMOP schema (Schema)");
        try
        {
            using var connection = Open(database);
            using var transaction = connection.BeginTransaction();
            using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                readOnly.ExecuteNonQuery();
            }

            OmopSchemaCheck.Check(connection, transaction, database, cohort);
            var queries = new OmopQueries(connection, transaction, schema, database.CommandTimeoutSeconds);
            var order = queries.Persons(cohort);
            if (order.Count == 0)
            {
                throw new DataValidationException(
                    cohort.RequireObservationPeriod ? "The cohort is empty: no person has an observation_period that contains the index date." : "The person table is empty.", source);
            }

            var persons = order.ToDictionary(p => p.Id, p => p.Row);
            var state = new OmopReadState(cohort, persons, source);
            var unmapped = 0;
            foreach (var table in Tables(cohort))
            {
                var concepts = Concepts(cohort, table);
                foreach (var row in queries.Events(table, concepts))
                {
                    if (table.Value is null)
                    {
                        state.AddEver(table, row);
                    }
                    else
                    {
                        state.AddValue(table, row);
                    }
                }

                unmapped += queries.Unmapped(table, concepts);
            }

            if (strict && state.FirstUnconvertible is { } problem)
            {
                throw problem;
            }

            var features = cohort.Features.Select(f => new ContractFeature(f.Name, f.Min, f.Max)).ToList();
            return ContractRows.Build(source, cohort.Label.Name, features, order.Select(p => p.Row).ToList(), state.Unconvertible, unmapped, strict);
        }
        catch (PostgresException ex)
        {
            throw new DataValidationException($"The database refused a query ({ex.SqlState}: {ex.MessageText}).", source);
        }
        catch (NpgsqlException ex)
        {
            throw new DataValidationException($"Cannot read the OMOP database: {ex.Message}", source);
        }
    }

    private static NpgsqlConnection Open(OmopDatabase database)
    {
        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(database.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never the password.
            throw new DataValidationException($"The OMOP connection string is not valid: {ex.Message}", database.Name);
        }

        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new DataValidationException($"Cannot connect to the OMOP database: {ex.Message}", database.Name);
        }
    }

    // condition_occurrence always (the label), then each other table a feature reads, in feature order.
    private static List<OmopTable> Tables(OmopCohort cohort) =>
        new[] { OmopTable.Condition }
            .Concat(cohort.Features.Select(f => OmopTable.For(f.Source)).OfType<OmopTable>())
            .Distinct()
            .ToList();

    private static int[] Concepts(OmopCohort cohort, OmopTable table) =>
        cohort.Features.Where(f => OmopTable.For(f.Source) == table).SelectMany(f => f.Concepts)
            .Concat(table == OmopTable.Condition ? cohort.Label.Concepts : [])
            .Distinct()
            .ToArray();
}
