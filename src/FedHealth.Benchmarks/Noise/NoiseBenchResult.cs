using System.Text.Json;

namespace FedHealth.Benchmarks.Noise;

/// <summary>
/// Both exact discrete-Gaussian samplers on the same σ², coordinates and CSPRNG, alternated in one
/// run on one thread: the rejection sampler of Canonne, Kamath and Steinke and the table sampler
/// that sites use now. Times include building the sampler (the table), as one site pays it.
/// </summary>
public sealed record NoiseBenchResult(
    int Coordinates,
    double SiteStdDev,
    IReadOnlyList<double> RejectionMsRuns,
    IReadOnlyList<double> TableMsRuns,
    double RejectionVarianceRatio,
    double TableVarianceRatio,
    int Cores)
{
    public double RejectionMs => Median(RejectionMsRuns);

    public double TableMs => Median(TableMsRuns);

    /// <summary>How many times faster the table sampler is (old / new).</summary>
    public double Speedup => TableMs > 0 ? RejectionMs / TableMs : double.NaN;

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["coordinates"] = Coordinates,
        ["site_std_dev"] = Math.Round(SiteStdDev, 3),
        ["rejection_sampler_ms"] = Math.Round(RejectionMs, 1),
        ["table_sampler_ms"] = Math.Round(TableMs, 1),
        ["rejection_over_table"] = Math.Round(Speedup, 2),
        ["rejection_sampler_ms_runs"] = RejectionMsRuns.Select(r => Math.Round(r, 1)).ToArray(),
        ["table_sampler_ms_runs"] = TableMsRuns.Select(r => Math.Round(r, 1)).ToArray(),
        ["rejection_variance_ratio"] = Math.Round(RejectionVarianceRatio, 4),
        ["table_variance_ratio"] = Math.Round(TableVarianceRatio, 4),
        ["cores"] = Cores,
        ["threads"] = 1,
    });

    private static double Median(IReadOnlyList<double> runs)
    {
        var sorted = runs.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
