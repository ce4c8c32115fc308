using System.Globalization;
using System.Text;
using FedHealth.Training.Runtime;
using Hl7.Fhir.Model;

namespace FedHealth.Training.Data.Fhir.Synthetic;

/// <summary>
/// Synthea-like FHIR R4 sites for tests and examples: patients with encounters' worth of
/// observations (LOINC) before and after the index date, conditions (SNOMED CT or ICD-10) and a
/// cardiac outcome, with the coding differences real sites have: site 2 reports cholesterol in
/// mmol/L and codes conditions in ICD-10, site 3 puts a local lab code next to LOINC (and sometimes
/// only the local one), and every site misses some values.
/// </summary>
/// <remarks>Simulation data protects no one, so seeded System.Random streams drive it, one per site.</remarks>
public static class SyntheticFhirGenerator
{
    public static IReadOnlyList<SyntheticFhirSite> Generate(int sites, int patients, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        return Enumerable.Range(0, sites).Select(k => Site(k, patients, seed)).ToList();
    }

    private static SyntheticFhirSite Site(int k, int patients, int seed)
    {
        var random = new Random(Seeds.Derive(seed, "synthetic-fhir", k));
        var name = $"site-{k + 1}";
        var bundle = new Bundle { Id = name, Type = Bundle.BundleType.Collection };
        var mapping = SyntheticFhirMapping.Create();
        var csv = new StringBuilder("patient_id," + string.Join(',', mapping.FeatureNames) + "," + mapping.Label.Name + "\n");
        for (var i = 0; i < patients; i++)
        {
            var row = new SyntheticFhirPatient(k, $"{name}-p{i:D4}", random, bundle);
            csv.Append(row.Id).Append(',').AppendJoin(',', row.Twin.Select(Cell)).Append(',').Append(row.Label).Append('\n');
        }

        return new SyntheticFhirSite(name, bundle, csv.ToString());
    }

    private static string Cell(double value) => double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);
}
