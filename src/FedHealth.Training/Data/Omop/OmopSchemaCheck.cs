using Npgsql;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// Before anything is read, every table and column the cohort needs must exist (with a numeric
/// value column), so a missing one is named instead of failing half-way through a query.
/// </summary>
internal static class OmopSchemaCheck
{
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal) { "numeric", "double precision", "real", "integer", "bigint", "smallint" };

    public static void Check(NpgsqlConnection connection, NpgsqlTransaction transaction, OmopDatabase database, OmopCohort cohort)
    {
        var needed = Needed(cohort);
        var found = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = @schema AND table_name = ANY(@tables)",
            connection, transaction))
        {
            command.Parameters.AddWithValue("schema", database.Schema);
            command.Parameters.AddWithValue("tables", needed.Keys.ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (!found.TryGetValue(table, out var columns))
                {
                    found[table] = columns = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                columns[reader.GetString(1)] = reader.GetString(2);
            }
        }

        foreach (var (table, (columns, why)) in needed)
        {
            if (!found.TryGetValue(table, out var present))
            {
                throw new DataValidationException($"The OMOP table {database.Schema}.{table} does not exist (or is not readable), but {why} needs it.", database.Name);
            }

            foreach (var column in columns.Where(c => !present.ContainsKey(c)))
            {
                throw new DataValidationException($"The OMOP table {database.Schema}.{table} has no column {column}, which {why} needs.", database.Name);
            }

            if (present.TryGetValue("value_as_number", out var type) && columns.Contains("value_as_number") && !Numeric.Contains(type))
            {
                throw new DataValidationException($"The column {database.Schema}.{table}.value_as_number is {type}, but a number is needed for {why}.", database.Name);
            }
        }
    }

    // Table → (columns, who needs it), in the order a reader meets them.
    private static Dictionary<string, (IReadOnlyList<string> Columns, string Why)> Needed(OmopCohort cohort)
    {
        var needed = new Dictionary<string, (IReadOnlyList<string>, string)>(StringComparer.Ordinal)
        {
            ["person"] = (OmopTable.PersonColumns, "every cohort"),
        };
        if (cohort.RequireObservationPeriod)
        {
            needed["observation_period"] = (OmopTable.ObservationPeriodColumns, "RequireObservationPeriod");
        }

        needed[OmopTable.Condition.Name] = (OmopTable.Condition.Columns, $"the label '{cohort.Label.Name}'");
        foreach (var feature in cohort.Features)
        {
            if (OmopTable.For(feature.Source) is { } table && !needed.ContainsKey(table.Name))
            {
                needed[table.Name] = (table.Columns, $"the feature '{feature.Name}'");
            }
        }

        return needed;
    }
}
