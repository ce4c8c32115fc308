using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data.Fhir;

namespace FedHealth.Training.Data.Contracts;

/// <summary>
/// Turns the patients a connector read (in source order) into one site's rows and counts their
/// conformance; the same for every connector, so FHIR and OMOP rows of one patient are built alike.
/// </summary>
internal static class ContractRows
{
    /// <summary>The site id of the rows (a FHIR or OMOP source holds one site).</summary>
    public const string SingleSiteId = "all";

    /// <param name="strict">Refuse a feature with no value for any patient (training); false only counts it (<c>data check</c>).</param>
    /// <exception cref="DataValidationException">(strict) A feature that has no value at all.</exception>
    public static SourceReadResult Build(
        string source, string label, IReadOnlyList<ContractFeature> features, IReadOnlyList<PatientAccumulator> patients,
        IReadOnlyList<int> unconvertible, int unmapped, bool strict)
    {
        var width = features.Count;
        var values = new float[patients.Count * width];
        for (var r = 0; r < patients.Count; r++)
        {
            patients[r].Values.CopyTo(values.AsSpan(r * width, width));
        }

        var names = features.Select(f => f.Name).ToArray();
        var data = new TabularData(names, values, patients.Select(p => p.Label).ToArray());
        var site = new RawSite(new SiteId(SingleSiteId), data, null, null);
        var dataset = new RawDataset(source, label, null, [.. names], [site]);
        var conformance = Count(source, features, data, unconvertible, unmapped);
        if (strict && conformance.Features.FirstOrDefault(f => f.Present == 0) is { } absent)
        {
            // A required feature with no value anywhere would train a study on fewer features in all but name.
            throw new DataValidationException($"Feature '{absent.Feature}' has no value for any of the {data.Rows} patients: check its codes and units in the mapping.", source);
        }

        return new SourceReadResult(dataset, conformance);
    }

    private static ConformanceReport Count(string source, IReadOnlyList<ContractFeature> features, TabularData rows, IReadOnlyList<int> unconvertible, int unmapped)
    {
        var counts = new List<FeatureConformance>(features.Count);
        for (var f = 0; f < features.Count; f++)
        {
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
                outOfRange += features[f].IsOutOfRange(value) ? 1 : 0;
            }

            counts.Add(new FeatureConformance(features[f].Name, present, rows.Rows - present, outOfRange, unconvertible[f]));
        }

        return new ConformanceReport(source, rows.Rows, counts, unmapped);
    }
}
