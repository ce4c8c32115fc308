using FedHealth.SecureAggregation.Errors;

namespace FedHealth.SecureAggregation.Parameters;

/// <summary>
/// Picks the neighbour count k and threshold t from the number of sites n, the expected dropout
/// rate δ and the assumed fraction γ of corrupt sites (which collude with the coordinator). The
/// derivation is in docs/secure-aggregation.md; in short, with C = ⌈γn⌉ corrupt sites and the
/// random Harary graph (every site's k neighbours are a uniformly random k-subset of the others):
/// <list type="bullet">
/// <item>collusion: P[some honest site has ≥ 2t − k corrupt neighbours] ≤ (n − C)·P[H ≥ 2t − k] with
/// H ~ Hypergeometric(n − 1, C, k), computed exactly (it is 0, a certainty, once 2t − k &gt; C);</item>
/// <item>connectivity: the honest survivors split only if two runs of k/2 consecutive sites in the
/// ring order are all corrupt or dropped: ≤ C(n,2)·ρ^k with ρ = C/n + (1 − C/n)·δ;</item>
/// <item>correctness: P[some site keeps fewer than t of its k neighbours] ≤ n·P[Bin(k, 1−δ) &lt; t].</item>
/// </list>
/// The smallest even k is chosen whose smallest secure t meets both the security target (default
/// 2^−40) and the correctness target (default 2^−30); k then grows like log n (Bell et al. 2020),
/// and for n ≥ 100 it is set by the correctness target more than by the corrupt sites. When no
/// sparse graph meets them, the complete graph with t = ⌊(n − 1 + C)/2⌋ + 1 is used, which is
/// secure with certainty against C corrupt sites, and its abort probability is reported as it is.
/// </summary>
public static class SecAggParameterChooser
{
    public const int DefaultSecurityBits = 40;
    public const int DefaultCorrectnessBits = 30;

    /// <summary>Fewer than three sites cannot hide one site's input from the others anyway.</summary>
    public const int MinimumSites = 3;

    public static SecAggParameterChoice Choose(
        int sites,
        double dropoutRate,
        double corruptFraction,
        int securityBits = DefaultSecurityBits,
        int correctnessBits = DefaultCorrectnessBits)
    {
        Validate(sites, dropoutRate, corruptFraction);
        for (var k = 2; k < sites - 1; k += 2)
        {
            var t = SmallestSecureThreshold(sites, k, corruptFraction, dropoutRate, securityBits);
            if (t is null)
            {
                continue;
            }

            var choice = Evaluate(sites, k, t.Value, dropoutRate, corruptFraction);
            if (choice.CorrectnessBits >= correctnessBits)
            {
                return choice;
            }
        }

        return Complete(sites, dropoutRate, corruptFraction);
    }

    /// <summary>The best threshold for a given neighbour count (e.g. to study how cost grows with k).</summary>
    public static SecAggParameterChoice ForNeighbours(
        int sites, int neighbours, double dropoutRate, double corruptFraction, int securityBits = DefaultSecurityBits)
    {
        Validate(sites, dropoutRate, corruptFraction);
        if (neighbours >= sites - 1)
        {
            return Complete(sites, dropoutRate, corruptFraction);
        }

        if (neighbours < 2 || neighbours % 2 != 0)
        {
            throw new SecureAggregationConfigurationException($"A sparse Harary graph needs an even k ≥ 2, not {neighbours}.");
        }

        var t = SmallestSecureThreshold(sites, neighbours, corruptFraction, dropoutRate, securityBits) ?? neighbours;
        return Evaluate(sites, neighbours, t, dropoutRate, corruptFraction);
    }

    /// <summary>
    /// −log2 of the probability that some honest site has at least 2t − k corrupt neighbours: what a
    /// site checks against its own policy before it takes part (it needs no dropout rate). Exact for
    /// one site (its neighbours are a uniform k-subset of the n − 1 others, C of them corrupt), with a
    /// union bound over the n − C honest sites.
    /// </summary>
    public static double CollusionBits(int sites, int neighbours, int threshold, double corruptFraction)
    {
        var corrupt = CorruptSites(sites, corruptFraction);
        var degree = Math.Min(neighbours, sites - 1);
        var margin = (2 * threshold) - degree;
        if (margin > corrupt)
        {
            return double.PositiveInfinity;
        }

        if (neighbours >= sites - 1)
        {
            return 0;
        }

        return TailBounds.Bits((sites - corrupt) * TailBounds.HypergeometricUpperTail(sites - 1, corrupt, degree, margin));
    }

    public static int CorruptSites(int sites, double corruptFraction) => (int)Math.Ceiling((corruptFraction * sites) - 1e-9);

    private static SecAggParameterChoice Complete(int sites, double dropoutRate, double corruptFraction)
    {
        var k = sites - 1;
        var corrupt = CorruptSites(sites, corruptFraction);
        var t = ((k + corrupt) / 2) + 1;
        if (t > k)
        {
            throw new SecureAggregationConfigurationException(
                $"{sites} sites cannot be protected against {corrupt} corrupt sites: even the complete graph would need a threshold of {t} of {k}.");
        }

        return Evaluate(sites, k, t, dropoutRate, corruptFraction);
    }

    private static int? SmallestSecureThreshold(int sites, int k, double corruptFraction, double dropoutRate, int securityBits)
    {
        if (ConnectivityBits(sites, k, dropoutRate, corruptFraction) < securityBits)
        {
            return null;
        }

        // Collusion security only improves as t grows: binary search the smallest t that meets it.
        int lo = (k / 2) + 1, hi = k;
        if (CollusionBits(sites, k, hi, corruptFraction) < securityBits)
        {
            return null;
        }

        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (CollusionBits(sites, k, mid, corruptFraction) >= securityBits)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static double ConnectivityBits(int sites, int k, double dropoutRate, double corruptFraction)
    {
        if (k >= sites - 1)
        {
            return double.PositiveInfinity;
        }

        var c = (double)CorruptSites(sites, corruptFraction) / sites;
        var rho = c + ((1 - c) * dropoutRate);
        if (rho <= 0)
        {
            return double.PositiveInfinity;
        }

        var pairs = sites * (sites - 1) / 2.0;
        return Math.Max(0, -(Math.Log2(pairs) + (k * Math.Log2(rho))));
    }

    private static SecAggParameterChoice Evaluate(int sites, int k, int t, double dropoutRate, double corruptFraction)
    {
        var degree = Math.Min(k, sites - 1);
        var abort = sites * TailBounds.BinomialLowerTail(degree, 1 - dropoutRate, t);
        return new SecAggParameterChoice(
            sites,
            k,
            t,
            k >= sites - 1,
            dropoutRate,
            corruptFraction,
            CorruptSites(sites, corruptFraction),
            CollusionBits(sites, k, t, corruptFraction),
            ConnectivityBits(sites, k, dropoutRate, corruptFraction),
            TailBounds.Bits(abort));
    }

    private static void Validate(int sites, double dropoutRate, double corruptFraction)
    {
        if (sites < MinimumSites)
        {
            throw new SecureAggregationConfigurationException($"Secure aggregation needs at least {MinimumSites} sites, not {sites}.");
        }

        if (dropoutRate is < 0 or >= 1 || double.IsNaN(dropoutRate))
        {
            throw new SecureAggregationConfigurationException($"The dropout rate must lie in [0, 1), not {dropoutRate}.");
        }

        if (corruptFraction is < 0 or >= 0.5 || double.IsNaN(corruptFraction))
        {
            throw new SecureAggregationConfigurationException($"The corrupt fraction must lie in [0, 0.5), not {corruptFraction}.");
        }
    }
}
