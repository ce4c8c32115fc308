using FedHealth.Training.Data;
using FedHealth.Training.Data.Omop;
using FedHealth.Training.Data.Omop.Synthetic;

namespace FedHealth.Training.Tests.Data.Omop;

public sealed class OmopCohortTests
{
    private static readonly OmopCohort Cohort = SyntheticOmop.Cohort();

    public static TheoryData<OmopFeature, string> BadFeatures => new()
    {
        { new OmopFeature("chol", OmopSource.Measurement) { UnitConcept = 8840 }, "The feature 'chol' reads measurement rows and needs at least one concept id" },
        { new OmopFeature("chol", OmopSource.Measurement) { Concepts = [3027114] }, "The feature 'chol' reads value_as_number and needs its UnitConcept" },
        { new OmopFeature("dm", OmopSource.Condition) { Concepts = [-1] }, "The feature 'dm' reads condition_occurrence rows and needs at least one concept id (> 0)" },
        { new OmopFeature("age2", OmopSource.PersonAge) { Concepts = [1] }, "The feature 'age2' reads the person table" },
        { new OmopFeature("chol", OmopSource.Measurement) { Concepts = [3027114], UnitConcept = 8840, Conversions = [new OmopUnitConversion(8840, 2)] }, "has a conversion that is not a finite, non-zero factor from another unit concept (from 8840)" },
        { new OmopFeature("chol", OmopSource.Measurement) { Concepts = [3027114], UnitConcept = 8840, Min = 5, Max = 1 }, "The feature 'chol' has min 5 above max 1" },
    };

    [Theory]
    [MemberData(nameof(BadFeatures))]
    public void A_feature_that_cannot_be_read_unambiguously_is_refused_by_name(OmopFeature feature, string expected)
    {
        var cohort = Cohort with { Features = [feature] };

        var error = Assert.Throws<DataValidationException>(() => cohort.Validate("node.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cohort_without_label_concepts_is_refused()
    {
        var error = Assert.Throws<DataValidationException>(() => (Cohort with { Label = new OmopLabel("y", []) }).Validate(null));

        Assert.Contains("needs a label with a name and at least one condition concept id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_feature_the_cohort_lacks_is_named()
    {
        var error = Assert.Throws<DataValidationException>(() => Cohort.CheckAgainst(["age", "sex", "cholesterol", "systolic_bp", "bmi", "diabetes", "smoker"], "cardiac_event", null));

        Assert.Contains("The study schema's feature 'smoker' is required but the OMOP cohort does not say where it comes from.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cdm", true)]
    [InlineData("_omop_5_4", true)]
    [InlineData("CDM", false)]
    [InlineData("cdm\"; DROP TABLE person; --", false)]
    [InlineData("1cdm", false)]
    [InlineData("", false)]
    public void Only_plain_lower_case_names_are_schema_names(string name, bool valid) =>
        Assert.Equal(valid, SqlIdentifier.IsValid(name));
}
