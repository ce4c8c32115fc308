using Npgsql;
using NpgsqlTypes;

namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>
/// Creates the OMOP CDM v5.4 tables the reader uses (person, observation_period, measurement,
/// observation, condition_occurrence, drug_exposure; their required columns) in a schema and loads
/// synthetic rows with binary COPY: for trials and specs, never for a hospital's own warehouse.
/// </summary>
public static class OmopTrialLoader
{
    private const string TypeEhr = "32817";

    /// <exception cref="DataValidationException">The schema is not a plain PostgreSQL name.</exception>
    public static void CreateTables(NpgsqlConnection connection, string schema)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var s = SqlIdentifier.Quote(schema, "OMOP schema");
        Execute(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE {s}.person (person_id integer PRIMARY KEY, gender_concept_id integer NOT NULL, year_of_birth integer NOT NULL,
              month_of_birth integer NULL, day_of_birth integer NULL, birth_datetime timestamp NULL,
              race_concept_id integer NOT NULL DEFAULT 0, ethnicity_concept_id integer NOT NULL DEFAULT 0, person_source_value varchar(50) NULL);
            CREATE TABLE {s}.observation_period (observation_period_id integer PRIMARY KEY, person_id integer NOT NULL,
              observation_period_start_date date NOT NULL, observation_period_end_date date NOT NULL, period_type_concept_id integer NOT NULL DEFAULT {TypeEhr});
            CREATE TABLE {s}.measurement (measurement_id integer PRIMARY KEY, person_id integer NOT NULL, measurement_concept_id integer NOT NULL,
              measurement_date date NOT NULL, measurement_datetime timestamp NULL, measurement_type_concept_id integer NOT NULL DEFAULT {TypeEhr},
              value_as_number numeric NULL, unit_concept_id integer NULL, measurement_source_value varchar(50) NULL);
            CREATE TABLE {s}.observation (observation_id integer PRIMARY KEY, person_id integer NOT NULL, observation_concept_id integer NOT NULL,
              observation_date date NOT NULL, observation_datetime timestamp NULL, observation_type_concept_id integer NOT NULL DEFAULT {TypeEhr},
              value_as_number numeric NULL, unit_concept_id integer NULL);
            CREATE TABLE {s}.condition_occurrence (condition_occurrence_id integer PRIMARY KEY, person_id integer NOT NULL, condition_concept_id integer NOT NULL,
              condition_start_date date NOT NULL, condition_start_datetime timestamp NULL, condition_type_concept_id integer NOT NULL DEFAULT {TypeEhr},
              condition_source_value varchar(50) NULL);
            CREATE TABLE {s}.drug_exposure (drug_exposure_id integer PRIMARY KEY, person_id integer NOT NULL, drug_concept_id integer NOT NULL,
              drug_exposure_start_date date NOT NULL, drug_exposure_start_datetime timestamp NULL, drug_exposure_end_date date NOT NULL,
              drug_type_concept_id integer NOT NULL DEFAULT {TypeEhr});
            """);
    }

    /// <summary>Loads one site's rows into tables made by <see cref="CreateTables"/>.</summary>
    public static void Load(NpgsqlConnection connection, string schema, OmopRows rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        var s = SqlIdentifier.Quote(schema, "OMOP schema");
        using (var person = connection.BeginBinaryImport($"COPY {s}.person (person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows.Persons)
            {
                person.StartRow();
                person.Write((int)p.PersonId, NpgsqlDbType.Integer);
                person.Write(p.GenderConceptId, NpgsqlDbType.Integer);
                person.Write(p.YearOfBirth, NpgsqlDbType.Integer);
                Nullable(person, p.MonthOfBirth);
                Nullable(person, p.DayOfBirth);
            }

            person.Complete();
        }

        using (var period = connection.BeginBinaryImport(
            $"COPY {s}.observation_period (observation_period_id, person_id, observation_period_start_date, observation_period_end_date) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows.ObservationPeriods)
            {
                period.StartRow();
                period.Write((int)p.Id, NpgsqlDbType.Integer);
                period.Write((int)p.PersonId, NpgsqlDbType.Integer);
                period.Write(p.Start, NpgsqlDbType.Date);
                period.Write(p.End, NpgsqlDbType.Date);
            }

            period.Complete();
        }

        Events(connection, $"COPY {s}.measurement (measurement_id, person_id, measurement_concept_id, measurement_date, measurement_datetime, value_as_number, unit_concept_id) FROM STDIN (FORMAT BINARY)", rows.Measurements, EventColumns.Value);
        Events(connection, $"COPY {s}.observation (observation_id, person_id, observation_concept_id, observation_date, observation_datetime, value_as_number, unit_concept_id) FROM STDIN (FORMAT BINARY)", rows.Observations, EventColumns.Value);
        Events(connection, $"COPY {s}.condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_start_datetime) FROM STDIN (FORMAT BINARY)", rows.Conditions, EventColumns.None);
        Events(connection, $"COPY {s}.drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_start_datetime, drug_exposure_end_date) FROM STDIN (FORMAT BINARY)", rows.Drugs, EventColumns.EndDate);
    }

    private static void Events(NpgsqlConnection connection, string copy, IReadOnlyList<OmopEventRow> rows, EventColumns extra)
    {
        using var writer = connection.BeginBinaryImport(copy);
        foreach (var row in rows)
        {
            writer.StartRow();
            writer.Write((int)row.Id, NpgsqlDbType.Integer);
            writer.Write((int)row.PersonId, NpgsqlDbType.Integer);
            writer.Write(row.ConceptId, NpgsqlDbType.Integer);
            writer.Write(DateOnly.FromDateTime(row.When), NpgsqlDbType.Date);
            writer.Write(DateTime.SpecifyKind(row.When, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
            if (extra == EventColumns.EndDate)
            {
                writer.Write(DateOnly.FromDateTime(row.When), NpgsqlDbType.Date);
            }

            if (extra == EventColumns.Value)
            {
                if (row.Value is { } value)
                {
                    writer.Write(value, NpgsqlDbType.Numeric);
                }
                else
                {
                    writer.WriteNull();
                }

                Nullable(writer, row.UnitConceptId);
            }
        }

        writer.Complete();
    }

    private enum EventColumns
    {
        None,
        Value,
        EndDate,
    }

    private static void Nullable(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
