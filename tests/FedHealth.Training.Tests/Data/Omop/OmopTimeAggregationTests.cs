using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Data.Omop;
using FedHealth.Training.Data.Omop.Synthetic;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data.Omop;

/// <summary>The contract's time rules read from OMOP on PostgreSQL, against the same hand-computed values as the FHIR ones (index date 2024-01-01).</summary>
public sealed class OmopTimeAggregationTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static readonly OmopCohort Rules = SyntheticOmop.Cohort() with
    {
        Features =
        [
            Cholesterol("chol_last", TimeAggregation.Last, null),
            Cholesterol("chol_mean_90d", TimeAggregation.Mean, 90), // 2023-10-04 … 2024-01-01
            Cholesterol("chol_ever_30d", TimeAggregation.Ever, 30), // 2023-12-03 … 2024-01-01
            new OmopFeature("diabetes_365d", OmopSource.Condition) { Concepts = [SyntheticOmop.Type2Diabetes], WindowDays = 365 }, // 2023-01-02 … 2024-01-01
        ],
    };

    [Fact]
    public void Last_mean_over_a_window_and_ever_in_a_window_give_the_hand_computed_values()
    {
        var mg = SyntheticOmop.MilligramPerDeciliter;
        var database = postgres.Load("time_rules", new OmopRows(
            [new OmopPersonRow(1, OmopConcepts.Male, 1960, 1, 1), new OmopPersonRow(2, OmopConcepts.Male, 1960, 1, 1)],
            [
                new OmopEventRow(1, 1, SyntheticOmop.Cholesterol, Day(2023, 6, 1), 150, mg),
                new OmopEventRow(2, 1, SyntheticOmop.Cholesterol, Day(2023, 10, 4), 200, mg),
                new OmopEventRow(3, 1, SyntheticOmop.Cholesterol, Day(2023, 12, 15), 5.0m, SyntheticOmop.MillimolePerLiter),
                new OmopEventRow(4, 1, SyntheticOmop.Cholesterol, Day(2024, 2, 1), 300, mg),
                new OmopEventRow(5, 2, SyntheticOmop.Cholesterol, Day(2023, 10, 3), 180, mg),
            ],
            [
                new OmopEventRow(1, 1, SyntheticOmop.Type2Diabetes, Day(2023, 1, 2)),
                new OmopEventRow(2, 2, SyntheticOmop.Type2Diabetes, Day(2023, 1, 1)),
            ]));

        var rows = OmopDatasetReader.Read(database, Rules, strict: false).Dataset.Sites.Single().Rows;

        Assert.Equal([(float)(5.0 * 38.67), (float)((200 + (5.0 * 38.67)) / 2), 1f, 1f], rows.Row(0).ToArray());
        Assert.Equal([180f, float.NaN, 0f, 0f], rows.Row(1).ToArray());
    }

    [Fact]
    public void Ever_and_mean_on_the_person_table_are_refused_naming_the_feature()
    {
        var cohort = SyntheticOmop.Cohort() with { Features = [new OmopFeature("age", OmopSource.PersonAge) { Aggregation = TimeAggregation.Mean, WindowDays = 30 }] };

        var error = Assert.Throws<FedHealth.Training.Data.DataValidationException>(() => cohort.Validate(null));

        Assert.Contains("feature 'age' is not read from dated records", error.Message, StringComparison.Ordinal);
    }

    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static OmopFeature Cholesterol(string name, TimeAggregation rule, int? windowDays) => new(name, OmopSource.Measurement)
    {
        Concepts = [SyntheticOmop.Cholesterol],
        UnitConcept = SyntheticOmop.MilligramPerDeciliter,
        Conversions = [new OmopUnitConversion(SyntheticOmop.MillimolePerLiter, SyntheticFhirMapping.CholesterolMmolToMg)],
        Aggregation = rule,
        WindowDays = windowDays,
    };
}
