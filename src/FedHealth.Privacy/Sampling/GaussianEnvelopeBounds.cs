using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// The floating-point side of <see cref="DiscreteGaussianTableSampler"/>, made rigorous: every
/// bound is rounded outward after each IEEE-754 operation (which is correctly rounded), and seeded
/// from <see cref="ExpBounds"/>, so lower[m] ≤ exp(−m²/(2σ²)) ≤ upper[m] holds as real numbers.
/// </summary>
internal static class GaussianEnvelopeBounds
{
    /// <summary>Every this many entries the recurrence restarts from exact values, so its error stays at (block)²·2^−52.</summary>
    private const int Block = 2048;

    /// <summary>
    /// Lower and upper bounds on exp(−m²/(2σ²)) for m ≤ reach, by the recurrence w(m+1) = w(m)·q(m)
    /// with q(m) = r^(2m+1) and r = exp(−1/(2σ²)), rounding every product outward and restarting
    /// w and q from <see cref="ExpBounds"/> every <see cref="Block"/> entries: an error in r grows
    /// like m² in w(m), so without the restarts it would reach 10⁻⁶ at 10σ.
    /// </summary>
    public static (double[] Lower, double[] Upper) Weights(Rational sigmaSquared, int reach)
    {
        var r2 = Exact(sigmaSquared.Denominator, sigmaSquared.Numerator); // r² = exp(−1/σ²)
        var lower = new double[reach + 1];
        var upper = new double[reach + 1];
        (double Lo, double Hi) q = default;
        for (var m = 0; m <= reach; m++)
        {
            if (m % Block == 0)
            {
                (lower[m], upper[m]) = Exact((BigInteger)m * m * sigmaSquared.Denominator, 2 * sigmaSquared.Numerator);
            }
            else
            {
                lower[m] = Down(lower[m - 1] * q.Lo);
                upper[m] = Up(upper[m - 1] * q.Hi);
            }

            q = m % Block == 0
                ? Exact((BigInteger)((2 * m) + 1) * sigmaSquared.Denominator, 2 * sigmaSquared.Numerator)
                : (Down(q.Lo * r2.Lo), Up(q.Hi * r2.Hi));
        }

        return (lower, upper);
    }

    /// <summary>Per entry, words below which the acceptance surely holds and from which it surely fails (0: never sure).</summary>
    public static (ulong[] AcceptBelow, ulong[] RejectFrom) Thresholds(double scale, double[] lower, double[] upper, ulong[] envelope)
    {
        var acceptBelow = new ulong[envelope.Length];
        var rejectFrom = new ulong[envelope.Length];
        for (var m = 0; m < envelope.Length; m++)
        {
            var g = (double)envelope[m];
            var low = Down(Down(scale * DiscreteGaussianTableSampler.Multiplicity(m) * lower[m]) / Math.BitIncrement(g));
            var high = Up(Up(scale * DiscreteGaussianTableSampler.Multiplicity(m) * upper[m]) / Math.BitDecrement(g));
            acceptBelow[m] = low >= 1 ? ulong.MaxValue : (ulong)Math.ScaleB(low, 64);
            rejectFrom[m] = high >= 1 ? 0 : (ulong)Math.Ceiling(Math.ScaleB(high, 64));
        }

        return (acceptBelow, rejectFrom);
    }

    public static double Down(double x) => Math.Max(0, Math.BitDecrement(x));

    public static double Up(double x) => Math.BitIncrement(x);

    /// <summary>exp(−a/b) as doubles below and above it, from exact bounds with 64 significant bits.</summary>
    private static (double Lo, double Hi) Exact(BigInteger numerator, BigInteger denominator)
    {
        var magnitudeBits = (int)Math.Ceiling((double)numerator / (double)denominator * 1.4426950408889634) + 2;
        var precision = 64 + magnitudeBits;
        var (lo, hi) = ExpBounds.Of(numerator, denominator, precision);
        return (Down(Math.ScaleB((double)lo, -precision)), Up(Math.ScaleB((double)hi, -precision)));
    }
}
