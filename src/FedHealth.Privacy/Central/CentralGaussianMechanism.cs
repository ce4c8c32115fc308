using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Central;

/// <summary>
/// Site-level DP without secure aggregation (DP-FedAvg, McMahan et al. 2018): the coordinator clips
/// each site's update to C (again — defence in depth, sites should already have), sums them with
/// equal weight, adds N(0, (σC)²) per coordinate and divides by the fixed expected number of sites.
/// Equal weights keep the sensitivity of the sum at exactly C; a weighted mean would need a cap on
/// every weight and a larger noise, so site-level DP here is the unweighted mean of clipped updates.
/// </summary>
public static class CentralGaussianMechanism
{
    public static float[] NoisyMean(
        IReadOnlyList<ReadOnlyMemory<float>> updates,
        double clip,
        double noiseMultiplier,
        int expectedSites,
        IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(random);
        Accounting.Guard.NoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedSites, 1);
        if (updates.Count == 0)
        {
            throw new ArgumentException("At least one update is needed.", nameof(updates));
        }

        var dimension = updates[0].Length;
        var sum = new double[dimension];
        var row = new float[dimension];
        foreach (var update in updates)
        {
            if (update.Length != dimension)
            {
                throw new ArgumentException("Updates have different lengths.", nameof(updates));
            }

            L2Clipping.ClipTo(update.Span, row, clip);
            for (var i = 0; i < dimension; i++)
            {
                sum[i] += row[i];
            }
        }

        AddNoise(sum, noiseMultiplier * clip, random);
        var mean = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            mean[i] = (float)(sum[i] / expectedSites);
        }

        return mean;
    }

    /// <summary>Adds N(0, <paramref name="standardDeviation"/>²) to every coordinate.</summary>
    public static void AddNoise(Span<double> values, double standardDeviation, IRandomSource random)
    {
        if (!(standardDeviation >= 0) || double.IsInfinity(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The noise standard deviation must be ≥ 0.");
        }

        var gaussian = new GaussianSampler(random);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += gaussian.Next(standardDeviation);
        }
    }
}
