namespace FedHealth.Privacy.Accounting;

/// <summary>
/// The smallest noise multiplier that meets a target ε: bisection on log σ, then rounded UP to
/// three significant digits so that the printed value itself meets the target.
/// This is what <c>fedhealth privacy noise</c> prints and what <c>--target-epsilon</c> uses.
/// </summary>
public static class NoiseCalibration
{
    /// <summary>Largest noise multiplier considered; a target not met there is unreachable.</summary>
    public const double MaxNoiseMultiplier = 1e6;

    private const double MinNoiseMultiplier = 1e-3;

    /// <summary>Smallest σ (3 significant digits) with ε(σ, q, T, δ) ≤ <paramref name="targetEpsilon"/>.</summary>
    public static double NoiseMultiplier(
        double targetEpsilon, double samplingRate, long steps, double delta, IReadOnlyList<double>? orders = null)
    {
        Guard.SamplingRate(samplingRate, nameof(samplingRate));
        Guard.Delta(delta, nameof(delta));
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "Calibration needs at least one step.");
        }

        var grid = orders is null ? RdpOrders.Default : RdpOrders.Validate(orders, nameof(orders));
        return NoiseMultiplier(
            sigma => SubsampledGaussianRdp.Curve(samplingRate, sigma, steps, grid).ToEpsilon(delta).Epsilon,
            targetEpsilon,
            $"q = {samplingRate}, {steps} steps, δ = {delta}");
    }

    /// <summary>
    /// Smallest σ (3 significant digits) with <paramref name="epsilonOfNoise"/>(σ) ≤ target, for any
    /// mechanism whose ε decreases with σ (for example a round that composes record- and site-level noise).
    /// </summary>
    public static double NoiseMultiplier(Func<double, double> epsilonOfNoise, double targetEpsilon, string description)
    {
        ArgumentNullException.ThrowIfNull(epsilonOfNoise);
        if (!(targetEpsilon > 0) || double.IsInfinity(targetEpsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon, "The target ε must be a finite number > 0.");
        }

        var atMax = epsilonOfNoise(MaxNoiseMultiplier);
        if (atMax > targetEpsilon)
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetEpsilon),
                targetEpsilon,
                $"No noise multiplier up to {MaxNoiseMultiplier:G} reaches ε = {targetEpsilon} ({description}): " +
                $"even σ = {MaxNoiseMultiplier:G} gives ε = {atMax:G6}. Raise the target ε or δ, or use fewer steps.");
        }

        bool Meets(double sigma) => epsilonOfNoise(sigma) <= targetEpsilon;

        double lo, hi;
        if (Meets(1.0))
        {
            hi = 1.0;
            lo = 0.5;
            while (Meets(lo))
            {
                hi = lo;
                lo /= 2;
                if (lo < MinNoiseMultiplier)
                {
                    return RoundUp3(hi);
                }
            }
        }
        else
        {
            lo = 1.0;
            hi = 2.0;
            while (!Meets(hi))
            {
                lo = hi;
                hi = Math.Min(hi * 2, MaxNoiseMultiplier);
            }
        }

        for (var i = 0; i < 100 && hi / lo > 1 + 1e-9; i++)
        {
            var mid = Math.Sqrt(lo * hi);
            if (Meets(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        var rounded = RoundUp3(hi);
        while (!Meets(rounded))
        {
            rounded = NextGridPoint(rounded, +1);
        }

        var below = NextGridPoint(rounded, -1);
        while (below > 0 && Meets(below))
        {
            rounded = below;
            below = NextGridPoint(rounded, -1);
        }

        return rounded;
    }

    /// <summary>The smallest number with three significant digits that is ≥ x.</summary>
    internal static double RoundUp3(double x)
    {
        var unit = Unit(x);
        var k = Math.Floor(x / (double)unit) - 1;
        for (; ; k++)
        {
            var g = (double)((decimal)k * unit);
            if (g >= x)
            {
                return g;
            }
        }
    }

    private static double NextGridPoint(double g, int direction)
    {
        var unit = Unit(direction < 0 ? g * (1 - 1e-12) : g);
        return (double)(decimal.Round((decimal)g / unit) * unit + direction * unit);
    }

    private static decimal Unit(double x)
    {
        var e = (int)Math.Floor(Math.Log10(x));
        return e >= 2 ? Pow10(e - 2) : 1m / Pow10(2 - e);
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
