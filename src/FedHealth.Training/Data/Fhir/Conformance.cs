using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Fhir;

/// <summary>Counts, per feature, what the rows have and lack against the contract.</summary>
internal static class Conformance
{
    public static ConformanceReport Of(string source, FhirMapping mapping, TabularData rows, IReadOnlyList<int> unconvertible, int unmapped)
    {
        var features = new List<FeatureConformance>(mapping.Features.Count);
        for (var f = 0; f < mapping.Features.Count; f++)
        {
            var feature = mapping.Features[f];
            var present = 0;
            var outOfRange = 0;
            for (var r = 0; r < rows.Rows; r++)
            {
                var value = rows.Row(r)[f];
                if (float.IsNaN(value))
                {
                    continue;
                }

                present++;
                outOfRange += feature.IsOutOfRange(value) ? 1 : 0;
            }

            features.Add(new FeatureConformance(feature.Name, present, rows.Rows - present, outOfRange, unconvertible[f]));
        }

        return new ConformanceReport(source, rows.Rows, features, unmapped);
    }
}
