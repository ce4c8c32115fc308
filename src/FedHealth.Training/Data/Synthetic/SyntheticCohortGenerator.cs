using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data.Partitioning;
using FedHealth.Training.Runtime;

namespace FedHealth.Training.Data.Synthetic;

/// <summary>
/// The built-in default data: K synthetic hospitals with a cardiovascular-risk cohort each,
/// differing in size, case mix, missingness and outcome prevalence. The generative model is in
/// docs/synthetic-cohort.md.
/// </summary>
/// <remarks>
/// Simulation data protects no one, so seeded System.Random streams drive it (one per purpose and
/// site, see <see cref="Seeds"/>): the same seed and site count give the same cohort everywhere.
/// </remarks>
public static class SyntheticCohortGenerator
{
    public const int DefaultSites = 4;
    public const string LabelColumn = "cardiac_event";

    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "age", "sex", "systolic_bp", "cholesterol", "max_heart_rate", "bmi", "smoker", "diabetes",
        .. CohortModel.ChestPainTypes.Order(StringComparer.Ordinal).Select(t => $"chest_pain={t}"),
    ];

    /// <summary>
    /// Sites "hospital-1" … "hospital-K", each with a stratified 75/25 train/test split.
    /// </summary>
    public static RawDataset Generate(int seed, int sites = DefaultSites)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        var profiles = SiteProfile.Spread(sites, new Random(Seeds.Derive(seed, "synthetic-profiles")));
        var generated = profiles.Select((profile, k) => Site(seed, k, profile)).ToList();
        return new RawDataset($"synthetic cohort (seed {seed}, {sites} sites)", LabelColumn, "hospital", [.. FeatureNames], generated);
    }

    private static RawSite Site(int seed, int k, SiteProfile profile)
    {
        var random = new Random(Seeds.Derive(seed, "synthetic-patients", k));
        var rows = CohortModel.Patients(profile);
        var width = FeatureNames.Count;
        var values = new float[rows * width];
        var labels = new int[rows];
        var chestPainColumns = CohortModel.ChestPainTypes
            .Select(t => FeatureNames.ToList().IndexOf($"chest_pain={t}"))
            .ToArray();
        for (var r = 0; r < rows; r++)
        {
            var (p, outcome) = CohortModel.Draw(profile, random);
            var row = values.AsSpan(r * width, width);
            row[0] = (float)p.Age;
            row[1] = p.Male;
            row[2] = (float)p.SystolicBp;
            row[3] = (float)p.Cholesterol;
            row[4] = (float)p.MaxHeartRate;
            row[5] = (float)p.Bmi;
            row[6] = (float)p.Smoker;
            row[7] = p.Diabetes;
            row[chestPainColumns[p.ChestPain]] = 1f;
            labels[r] = outcome;
        }

        var isTest = StratifiedSplit.Assign(labels, StratifiedSplit.DefaultTestFraction, Seeds.Derive(seed, "synthetic-split", k));
        return new RawSite(new SiteId($"hospital-{k + 1}"), new TabularData(FeatureNames, values, labels), isTest, null);
    }
}
