using System.Globalization;
using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;
using Npgsql;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// The reader's SQL. Table and column names are the fixed ones of <see cref="OmopTable"/>; the
/// schema is a validated, quoted identifier; every value (index date, concept ids) is a parameter.
/// </summary>
internal sealed class OmopQueries(NpgsqlConnection connection, NpgsqlTransaction transaction, string quotedSchema, int timeoutSeconds)
{
    /// <summary>The cohort's persons by person_id, each with age, sex and the ever/never features at 0.</summary>
    public List<OmopPerson> Persons(OmopCohort cohort)
    {
        var observed = cohort.RequireObservationPeriod
            ? $" WHERE EXISTS (SELECT 1 FROM {quotedSchema}.observation_period o WHERE o.person_id = p.person_id"
              + " AND o.observation_period_start_date <= @index AND o.observation_period_end_date >= @index)"
            : string.Empty;
        using var command = Command(
            $"SELECT p.person_id, p.gender_concept_id, p.year_of_birth, p.month_of_birth, p.day_of_birth FROM {quotedSchema}.person p{observed} ORDER BY p.person_id");
        command.Parameters.AddWithValue("index", cohort.IndexDate);
        using var reader = command.ExecuteReader();
        var persons = new List<OmopPerson>();
        while (reader.Read())
        {
            var row = new PatientAccumulator(cohort.Features.Count);
            var gender = reader.IsDBNull(1) ? 0 : Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            var birth = Birth(reader);
            for (var f = 0; f < cohort.Features.Count; f++)
            {
                row.Values[f] = cohort.Features[f].Source switch
                {
                    OmopSource.PersonAge => birth is { } date ? PatientAge.At(date, cohort.IndexDate) : float.NaN,
                    OmopSource.PersonSex => gender switch
                    {
                        OmopConcepts.Male => 1f,
                        OmopConcepts.Female => 0f,
                        _ => float.NaN,
                    },
                    _ when cohort.Features[f].Rule == TimeAggregation.Ever => 0f,
                    _ => float.NaN,
                };
            }

            persons.Add(new OmopPerson(Long(reader, 0), row));
        }

        return persons;
    }

    /// <summary>The table's rows with one of the concepts, by row id (so ties on a date go to the later row, as in FHIR).</summary>
    public List<OmopEvent> Events(OmopTable table, int[] concepts)
    {
        var value = table.Value is null ? string.Empty : $", t.{table.Value}, t.{table.Unit}";
        using var command = Command(
            $"SELECT t.{table.Id}, t.person_id, t.{table.Concept}, t.{table.Date}, t.{table.DateTime}{value} FROM {quotedSchema}.{table.Name} t"
            + $" WHERE t.{table.Concept} = ANY(@concepts) ORDER BY t.{table.Id}");
        command.Parameters.AddWithValue("concepts", concepts);
        using var reader = command.ExecuteReader();
        var rows = new List<OmopEvent>();
        while (reader.Read())
        {
            var when = reader.IsDBNull(4) ? reader.GetFieldValue<DateTime>(3) : reader.GetFieldValue<DateTime>(4);
            double? number = table.Value is not null && !reader.IsDBNull(5) ? Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture) : null;
            int? unit = table.Unit is not null && !reader.IsDBNull(6) ? Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture) : null;
            rows.Add(new OmopEvent(
                Long(reader, 0), Long(reader, 1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Unspecified), TimeSpan.Zero), number, unit));
        }

        return rows;
    }

    /// <summary>How many of the table's rows have a concept the contract does not name (a count only).</summary>
    public int Unmapped(OmopTable table, int[] concepts)
    {
        using var command = Command($"SELECT count(*) FROM {quotedSchema}.{table.Name} t WHERE NOT (t.{table.Concept} = ANY(@concepts))");
        command.Parameters.AddWithValue("concepts", concepts);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction) { CommandTimeout = timeoutSeconds };

    private static long Long(NpgsqlDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    // year_of_birth with month and day when given (a partial date counts from its first day, as in FHIR).
    private static DateOnly? Birth(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(2))
        {
            return null;
        }

        var year = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
        var month = reader.IsDBNull(3) ? 1 : Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
        var day = reader.IsDBNull(4) ? 1 : Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture);
        return year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}
