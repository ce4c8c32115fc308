using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Distributed;

/// <summary>
/// One site's share of the distributed discrete Gaussian noise (Kairouz, Liu, Steinke 2021).
/// With n expected sites and a target central standard deviation σ_total (in quantized units),
/// each site adds N_ℤ(0, σ_site²) with σ_site² = σ_total²/n, rounded UP to a multiple of 2^−16
/// so that no site ever adds less than its share. The secure sum then carries survivors·σ_site²;
/// the sum of discrete Gaussians is not itself a discrete Gaussian, which
/// <see cref="DistributedDiscreteGaussianRdp"/> accounts for.
/// </summary>
public sealed class DistributedDiscreteGaussian
{
    public DistributedDiscreteGaussian(double totalStdDev, int expectedSites)
    {
        if (!(totalStdDev > 0) || double.IsInfinity(totalStdDev))
        {
            throw new ArgumentOutOfRangeException(nameof(totalStdDev), totalStdDev, "σ_total must be a finite number > 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(expectedSites, 1);
        TotalStdDev = totalStdDev;
        ExpectedSites = expectedSites;
        SiteVariance = Rational.CeilingOf(totalStdDev * totalStdDev / expectedSites, 16);
    }

    public double TotalStdDev { get; }

    public int ExpectedSites { get; }

    /// <summary>σ_site², the discrete Gaussian parameter each site uses (exact rational, ≥ σ_total²/n).</summary>
    public Rational SiteVariance { get; }

    /// <summary>
    /// Adds this site's noise share to its quantized (rotated, scaled, rounded) vector: through the
    /// exact table sampler when σ_site fits its table, else through the (equally exact, slower)
    /// rejection sampler of Canonne, Kamath and Steinke.
    /// </summary>
    public void AddNoise(Span<long> quantized, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (DiscreteGaussianTableSampler.CanTabulate(SiteVariance))
        {
            new DiscreteGaussianTableSampler(random, SiteVariance).AddTo(quantized);
        }
        else
        {
            new DiscreteGaussianSampler(random, SiteVariance).AddTo(quantized);
        }
    }

    /// <summary>The noise variance parameter actually present when <paramref name="contributors"/> sites added their share.</summary>
    public double VarianceWithContributors(int contributors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contributors);
        return contributors * SiteVariance.Value;
    }
}
