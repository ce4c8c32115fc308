namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Poisson subsampling for DP-SGD: each record joins the batch independently with probability q
/// (exactly the double q), so the batch size itself is random — what the accountant assumes.
/// </summary>
public static class PoissonSubsampler
{
    /// <summary>The indices in [0, <paramref name="population"/>) selected this step, in increasing order.</summary>
    public static int[] Sample(IRandomSource random, int population, double samplingRate)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        Accounting.Guard.SamplingRate(samplingRate, nameof(samplingRate));
        var selected = new List<int>((int)Math.Min(population, population * samplingRate * 1.5 + 16));
        for (var i = 0; i < population; i++)
        {
            if (ExactBernoulli.Probability(random, samplingRate))
            {
                selected.Add(i);
            }
        }

        return selected.ToArray();
    }
}
