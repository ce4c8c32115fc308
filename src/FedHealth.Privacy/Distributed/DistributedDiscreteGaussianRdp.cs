using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Distributed;

/// <summary>
/// RDP of the sum of discrete Gaussian shares (Kairouz, Liu, Steinke 2021, Theorem 1 and
/// Proposition 14): for k contributing sites each adding N_ℤ(0, σ²) independently, a query of
/// L2 sensitivity Δ₂ and L1 sensitivity Δ₁ in d dimensions satisfies, at every order α ≥ 1,
///   ε(α) = min{ αΔ₂²/(2kσ²) + τd,  α/2·(Δ₂²/(kσ²) + 2Δ₁τ/√(kσ²) + τ²d),  α/2·(Δ₂/√(kσ²) + τ√d)² },
///   τ = 10·Σ_{j=1}^{k−1} exp(−2π²σ²·j/(j+1)).
/// k is the number of sites whose noise is really in the sum (the survivors), never the number
/// expected: dropped sites' noise is missing, so the guarantee weakens — and is reported so.
/// </summary>
public static class DistributedDiscreteGaussianRdp
{
    /// <summary>The inflation τ from summing <paramref name="contributors"/> discrete Gaussians of parameter σ².</summary>
    public static double Tau(double siteVariance, int contributors)
    {
        var tau = 0.0;
        for (var j = 1; j < contributors; j++)
        {
            tau += Math.Exp(-2 * Math.PI * Math.PI * siteVariance * j / (j + 1.0));
        }

        return 10 * tau;
    }

    /// <summary>RDP at one order for one release (quantities in quantized units).</summary>
    public static double Rdp(
        double order, double l2Sensitivity, double l1Sensitivity, double siteVariance, int contributors, int dimension)
    {
        Guard.Order(order, nameof(order));
        Validate(l2Sensitivity, l1Sensitivity, siteVariance, contributors, dimension);
        if (contributors == 0)
        {
            return 0; // nothing from any site was released
        }

        var variance = contributors * siteVariance;
        var tau = Tau(siteVariance, contributors);
        var l2Scale = l2Sensitivity / Math.Sqrt(variance);
        var l1Scale = l1Sensitivity / Math.Sqrt(variance);
        var term1 = order * l2Scale * l2Scale / 2 + tau * dimension;
        var term2 = order / 2 * (l2Scale * l2Scale + 2 * l1Scale * tau + tau * tau * dimension);
        var term3 = order / 2 * Math.Pow(l2Scale + Math.Sqrt(dimension) * tau, 2);
        return Math.Min(term1, Math.Min(term2, term3));
    }

    /// <summary>The RDP curve of <paramref name="rounds"/> such releases (all sites take part in every round: no sampling amplification).</summary>
    public static RdpCurve Curve(
        double l2Sensitivity,
        double l1Sensitivity,
        double siteVariance,
        int contributors,
        int dimension,
        long rounds = 1,
        IReadOnlyList<double>? orders = null)
    {
        Guard.Steps(rounds, nameof(rounds));
        var grid = orders is null ? RdpOrders.Default : RdpOrders.Validate(orders, nameof(orders));
        var values = grid.Select(a => rounds == 0
                ? 0
                : rounds * Rdp(a, l2Sensitivity, l1Sensitivity, siteVariance, contributors, dimension))
            .ToImmutableArray();
        return new RdpCurve(grid, values);
    }

    private static void Validate(double l2, double l1, double siteVariance, int contributors, int dimension)
    {
        if (!(l2 > 0) || double.IsInfinity(l2))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "The L2 sensitivity must be > 0.");
        }

        if (!(l1 >= l2) || double.IsInfinity(l1))
        {
            throw new ArgumentOutOfRangeException(nameof(l1), l1, "The L1 sensitivity must be ≥ the L2 sensitivity.");
        }

        if (!(siteVariance > 0) || double.IsInfinity(siteVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(siteVariance), siteVariance, "σ_site² must be > 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(contributors);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
    }
}
