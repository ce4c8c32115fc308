using FedHealth.Training.Data;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Data.Omop;
using FedHealth.Training.Data.Omop.Synthetic;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data.Omop;

/// <summary>The OMOP reader against a real PostgreSQL (a database of this class's own).</summary>
public sealed class OmopDatasetReaderTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static readonly OmopCohort Cohort = SyntheticOmop.Cohort();
    private static readonly DateTime Before = new(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime After = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_synthetic_sites_read_from_omop_give_the_same_rows_as_their_fhir_bundles()
    {
        var sites = SyntheticFhirGenerator.Generate(sites: 3, patients: 80, seed: 7);
        for (var k = 0; k < sites.Count; k++)
        {
            var database = postgres.Load($"site_{k + 1}", SyntheticOmop.FromBundle(sites[k].Bundle));
            var resources = sites[k].Bundle.Entry.Select(e => new SourcedResource(sites[k].Name, e.Resource!)).ToList();

            var fromOmop = OmopDatasetReader.Read(database, Cohort).Dataset.Sites.Single().Rows;
            var fromFhir = FhirDatasetReader.Read(sites[k].Name, resources, SyntheticFhirMapping.Create()).Dataset.Sites.Single().Rows;

            Assert.Equal(string.Join(",", fromFhir.FeatureNames), string.Join(",", fromOmop.FeatureNames));
            Assert.Equal(fromFhir.Labels, fromOmop.Labels);
            Assert.Equal(fromFhir.Features, fromOmop.Features);
        }
    }

    [Fact]
    public void The_last_measurement_on_or_before_the_index_date_is_the_value_and_mmol_is_converted()
    {
        var database = postgres.Load("last_value", Rows(
            [Person(1), Person(2)],
            [
                new OmopEventRow(1, 1, SyntheticOmop.Cholesterol, Before.AddYears(-1), 180, SyntheticOmop.MilligramPerDeciliter),
                new OmopEventRow(2, 1, SyntheticOmop.Cholesterol, Before, 210, SyntheticOmop.MilligramPerDeciliter),
                new OmopEventRow(3, 1, SyntheticOmop.Cholesterol, After, 300, SyntheticOmop.MilligramPerDeciliter),
                new OmopEventRow(4, 2, SyntheticOmop.Cholesterol, Before, 5.17m, SyntheticOmop.MillimolePerLiter),
            ]));

        var rows = OmopDatasetReader.Read(database, Cohort, strict: false).Dataset.Sites.Single().Rows;

        Assert.Equal(210f, rows.Row(0)[2]);
        Assert.Equal((float)(5.17 * 38.67), rows.Row(1)[2]);
    }

    [Fact]
    public void Age_sex_conditions_and_the_label_follow_the_cohort()
    {
        var database = postgres.Load("person_and_conditions", Rows(
            [new OmopPersonRow(1, OmopConcepts.Female, 1960, 6, 15), new OmopPersonRow(2, 0, 1950, null, null)],
            [],
            [
                new OmopEventRow(1, 1, SyntheticOmop.Type2Diabetes, Before),
                new OmopEventRow(2, 2, SyntheticOmop.Type2Diabetes, After),
                new OmopEventRow(3, 2, SyntheticOmop.MyocardialInfarction, After),
            ]));

        var rows = OmopDatasetReader.Read(database, Cohort, strict: false).Dataset.Sites.Single().Rows;

        // age, sex, cholesterol, systolic_bp, bmi, diabetes
        Assert.Equal([63f, 0f, float.NaN, float.NaN, float.NaN, 1f], rows.Row(0).ToArray());
        Assert.Equal([74f, float.NaN, float.NaN, float.NaN, float.NaN, 0f], rows.Row(1).ToArray());
        Assert.Equal([0, 1], rows.Labels);
    }

    [Fact]
    public void A_person_not_observed_at_the_index_date_is_left_out_unless_the_cohort_says_otherwise()
    {
        var database = postgres.Load("observation_period", Rows([Person(1), Person(2)]));
        postgres.Execute("UPDATE observation_period.observation_period SET observation_period_end_date = '2020-12-31' WHERE person_id = 2");

        var observed = OmopDatasetReader.Read(database, Cohort, strict: false).Conformance.Patients;
        var everyone = OmopDatasetReader.Read(database, Cohort with { RequireObservationPeriod = false }, strict: false).Conformance.Patients;

        Assert.Equal(1, observed);
        Assert.Equal(2, everyone);
    }

    [Fact]
    public void An_unconvertible_unit_is_refused_naming_the_row_and_feature_and_counted_by_a_check()
    {
        var database = postgres.Load("bad_unit", Rows(
            [Person(1)],
            [new OmopEventRow(7, 1, SyntheticOmop.Cholesterol, Before, 2.1m, 8713)]));

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));
        var report = OmopDatasetReader.Read(database, Cohort, strict: false).Conformance;

        Assert.Contains("measurement row 7: unit concept 8713 cannot be converted to 8840 for feature 'cholesterol'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2.1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Features.Single(f => f.Feature == "cholesterol").Unconvertible);
    }

    [Fact]
    public void Rows_with_concepts_the_cohort_does_not_name_are_counted_as_unmapped()
    {
        var database = postgres.Load("unmapped", Rows(
            [Person(1)],
            [new OmopEventRow(1, 1, 3013682, Before, 14, 8713), new OmopEventRow(2, 1, SyntheticOmop.Bmi, Before, 24.5m, SyntheticOmop.KilogramPerSquareMeter)],
            [new OmopEventRow(1, 1, 320128, Before)]));

        var report = OmopDatasetReader.Read(database, Cohort, strict: false).Conformance;

        Assert.Equal(2, report.Unmapped);
    }

    [Fact]
    public void A_feature_with_no_value_at_all_is_refused_for_training()
    {
        var database = postgres.Load("no_values", Rows([Person(1), Person(2)]));

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));

        Assert.Contains("Feature 'cholesterol' has no value for any of the 2 patients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_table_is_named_with_the_feature_that_needs_it()
    {
        var database = postgres.Load("no_measurement", Rows([Person(1)]));
        postgres.Execute("DROP TABLE no_measurement.measurement");

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));

        Assert.Contains("The OMOP table no_measurement.measurement does not exist (or is not readable), but the feature 'cholesterol' needs it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_is_named_with_its_table()
    {
        var database = postgres.Load("no_unit", Rows([Person(1)]));
        postgres.Execute("ALTER TABLE no_unit.measurement DROP COLUMN unit_concept_id");

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));

        Assert.Contains("The OMOP table no_unit.measurement has no column unit_concept_id, which the feature 'cholesterol' needs.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_value_column_is_refused_naming_the_column()
    {
        var database = postgres.Load("text_value", Rows([Person(1)]));
        postgres.Execute("ALTER TABLE text_value.measurement ALTER COLUMN value_as_number TYPE text");

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));

        Assert.Contains("text_value.measurement.value_as_number is text, but a number is needed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_name_that_is_not_a_plain_identifier_never_reaches_the_database()
    {
        postgres.Load("victim", Rows([Person(1)]));
        var database = postgres.Omop("victim.person; DROP TABLE victim.person; --");

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));

        Assert.Contains("must be a plain PostgreSQL name", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, OmopDatasetReader.Read(postgres.Omop("victim"), Cohort, strict: false).Conformance.Patients);
    }

    [Fact]
    public void The_reader_cannot_write_because_its_transaction_is_read_only()
    {
        postgres.Load("read_only", Rows([Person(1)], [new OmopEventRow(1, 1, SyntheticOmop.Bmi, Before, 24.5m, SyntheticOmop.KilogramPerSquareMeter)]));
        postgres.Execute("CREATE FUNCTION read_only.sneaky() RETURNS integer LANGUAGE sql AS 'INSERT INTO read_only.person (person_id, gender_concept_id, year_of_birth) VALUES (99, 0, 1970) RETURNING 0'");
        postgres.Execute("ALTER TABLE read_only.person ALTER COLUMN gender_concept_id SET DEFAULT 0");
        postgres.Execute("ALTER TABLE read_only.measurement RENAME TO measurement_table");
        postgres.Execute("CREATE VIEW read_only.measurement AS SELECT m.*, read_only.sneaky() AS sneaky FROM read_only.measurement_table m");

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(postgres.Omop("read_only"), Cohort, strict: false));

        Assert.Contains("25006", error.Message, StringComparison.Ordinal); // read_only_sql_transaction
        using var connection = postgres.Open();
        using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM read_only.person", connection);
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public void An_unreachable_database_is_named_without_its_password()
    {
        var database = new OmopDatabase("Host=127.0.0.1;Port=1;Database=cdm;Username=reader;Password=s3cret-pw;Timeout=2") { Schema = "cdm" };

        var error = Assert.Throws<DataValidationException>(() => OmopDatasetReader.Read(database, Cohort));

        Assert.Contains("postgresql://127.0.0.1:1/cdm (schema cdm): Cannot connect to the OMOP database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    private static OmopPersonRow Person(long id) => new(id, OmopConcepts.Male, 1960, 1, 1);

    private static OmopRows Rows(IReadOnlyList<OmopPersonRow> persons, IReadOnlyList<OmopEventRow>? measurements = null, IReadOnlyList<OmopEventRow>? conditions = null) =>
        new(persons, measurements ?? [], conditions ?? []);
}
