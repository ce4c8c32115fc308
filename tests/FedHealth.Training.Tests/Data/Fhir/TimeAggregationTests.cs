using FedHealth.Training.Data;
using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using static FedHealth.Training.Tests.Data.Fhir.FhirSamples;

namespace FedHealth.Training.Tests.Data.Fhir;

/// <summary>The contract's time rules read from FHIR, against values worked out by hand (index date 2024-01-01).</summary>
public sealed class TimeAggregationTests
{
    private static readonly FhirCoding Chol = SyntheticFhirMapping.Cholesterol;

    private static readonly FhirMapping Rules = Mapping with
    {
        Features =
        [
            Cholesterol("chol_last", TimeAggregation.Last, null),
            Cholesterol("chol_mean_90d", TimeAggregation.Mean, 90), // 2023-10-04 … 2024-01-01
            Cholesterol("chol_ever_30d", TimeAggregation.Ever, 30), // 2023-12-03 … 2024-01-01
            new FhirFeature("diabetes_365d", FeatureSource.Condition)
            {
                Codes = [SyntheticFhirMapping.DiabetesIcd10], WindowDays = 365, // 2023-01-02 … 2024-01-01
            },
        ],
    };

    [Fact]
    public void Last_mean_over_a_window_and_ever_in_a_window_give_the_hand_computed_values()
    {
        using var file = Bundle(
            Patient("p1"),
            Patient("p2"),
            Observation("o1", "p1", Chol, "2023-06-01", 150, "mg/dL"),
            Observation("o2", "p1", Chol, "2023-10-04", 200, "mg/dL"),
            Observation("o3", "p1", Chol, "2023-12-15", 5.0m, "mmol/L"),
            Observation("o4", "p1", Chol, "2024-02-01", 300, "mg/dL"),
            Observation("o5", "p2", Chol, "2023-10-03", 180, "mg/dL"),
            Condition("c1", "p1", SyntheticFhirMapping.DiabetesIcd10, "2023-01-02"),
            Condition("c2", "p2", SyntheticFhirMapping.DiabetesIcd10, "2023-01-01"));

        var rows = FhirDatasetReader.Read(file.Path, Rules, strict: false).Dataset.Sites.Single().Rows;

        // p1: last is 5.0 mmol/L on 12-15; the mean is over 10-04 and 12-15; 12-15 is in the 30 days; 2023-01-02 is the window's first day.
        Assert.Equal([(float)(5.0 * 38.67), (float)((200 + (5.0 * 38.67)) / 2), 1f, 1f], rows.Row(0).ToArray());
        // p2: 10-03 is one day before the 90-day window, 2023-01-01 one day before the 365-day one.
        Assert.Equal([180f, float.NaN, 0f, 0f], rows.Row(1).ToArray());
    }

    [Fact]
    public void A_mapping_with_a_mean_but_no_window_is_refused_naming_the_feature()
    {
        var mapping = Mapping with { Features = [Cholesterol("chol_mean", TimeAggregation.Mean, null)] };

        var error = Assert.Throws<DataValidationException>(() => mapping.Validate(null));

        Assert.Contains("feature 'chol_mean' aggregates with Mean and needs WindowDays", error.Message, StringComparison.Ordinal);
    }

    private static FhirFeature Cholesterol(string name, TimeAggregation rule, int? windowDays) => new(name, FeatureSource.Observation)
    {
        Codes = [Chol],
        Unit = "mg/dL",
        Conversions = [new UnitConversion("mmol/L", SyntheticFhirMapping.CholesterolMmolToMg)],
        Aggregation = rule,
        WindowDays = windowDays,
    };
}
