using FedHealth.Training.Data.Fhir;

namespace FedHealth.Training.Tests.Data.Fhir;

public sealed class UnitConversionTests
{
    [Fact]
    public void Cholesterol_in_mmol_per_litre_becomes_mg_per_dl()
    {
        Assert.Equal(193.35, new UnitConversion("mmol/L", 38.67).Apply(5.0), 1e-9);
    }

    [Fact]
    public void An_offset_is_added_after_the_factor()
    {
        // Fahrenheit to Celsius: (F − 32) × 5/9 = F × 5/9 − 160/9.
        Assert.Equal(37.0, new UnitConversion("[degF]", 5.0 / 9, -160.0 / 9).Apply(98.6), 1e-9);
    }

    [Fact]
    public void Age_counts_whole_years_up_to_the_index_date()
    {
        var index = new DateOnly(2024, 1, 1);

        Assert.Equal(63, PatientAge.At(new DateOnly(1960, 6, 15), index));
        Assert.Equal(64, PatientAge.At(new DateOnly(1960, 1, 1), index));
        Assert.Equal(63, PatientAge.At(new DateOnly(1960, 1, 2), index));
    }
}
