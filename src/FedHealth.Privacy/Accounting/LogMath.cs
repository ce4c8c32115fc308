using MathNet.Numerics;

namespace FedHealth.Privacy.Accounting;

/// <summary>
/// Elementary functions with full relative accuracy where the BCL's naive forms lose it
/// (<c>double.LogP1</c> and <c>double.ExpM1</c> are <c>Log(1 + x)</c> and <c>Exp(x) - 1</c>).
/// </summary>
internal static class LogMath
{
    public const double Epsilon = 1.1102230246251565e-16; // unit round-off, 2^-53

    private static readonly double LogHalf = Math.Log(0.5);
    private static readonly double LogSqrtPi = 0.5 * Math.Log(Math.PI);

    /// <summary>log(1 + x), accurate to a few ulps (Kahan's trick).</summary>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) − 1, accurate to a few ulps (Kahan's trick).</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    /// <summary>log(exp(x) − 1) for x &gt; 0.</summary>
    public static double LogExpm1(double x) =>
        x > 40.0 ? x + Log1p(-Math.Exp(-x)) : Math.Log(Expm1(x));

    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        var max = Math.Max(a, b);
        return max + Log1p(Math.Exp(-Math.Abs(a - b)));
    }

    /// <summary>log Φ(x), the log of the standard normal CDF, accurate in both tails.</summary>
    public static double LogNormalCdf(double x)
    {
        if (x > 5.0)
        {
            // Φ(x) = 1 − Φ(−x) with Φ(−x) tiny: keep its relative precision.
            return Log1p(-0.5 * SpecialFunctions.Erfc(x / Math.Sqrt(2.0)));
        }

        var t = -x / Math.Sqrt(2.0);
        if (t < 25.0)
        {
            return LogHalf + Math.Log(SpecialFunctions.Erfc(t));
        }

        return LogHalf + LogErfcAsymptotic(t);
    }

    /// <summary>
    /// log erfc(t) for t ≥ 25 from the asymptotic series
    /// erfc(t) = exp(−t²)/(t√π)·Σ (−1)^k (2k−1)!!/(2t²)^k, whose terms at t ≥ 25 fall below 1e-17
    /// by the ninth (the series is stopped before its terms start to grow).
    /// </summary>
    private static double LogErfcAsymptotic(double t)
    {
        var inv = 1.0 / (2.0 * t * t);
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k < 20; k++)
        {
            var next = -term * (2 * k - 1) * inv;
            if (Math.Abs(next) >= Math.Abs(term))
            {
                break;
            }

            term = next;
            sum += term;
            if (Math.Abs(term) < 1e-18)
            {
                break;
            }
        }

        return -t * t - Math.Log(t) - LogSqrtPi + Math.Log(sum);
    }
}
