using MathNet.Numerics.Integration;

namespace FedHealth.Privacy.Tests.Accounting;

/// <summary>
/// An independent reference for the subsampled Gaussian's RDP: numerical integration (MathNet's
/// double-exponential quadrature) of A_α − 1 = ∫ φ_σ(z)·[(1+u)^α − 1 − αu] dz with
/// u = q·(exp((2z−1)/(2σ²)) − 1), whose integrand is non-negative and computed in log space where large.
/// </summary>
internal static class RenyiIntegral
{
    public static double Rdp(double q, double sigma, double alpha)
    {
        var z0 = sigma * sigma * Math.Log((1 - q) / q) + 0.5;
        var lo = -14 * sigma - 1;
        var hi = alpha + 14 * sigma + 1 + Math.Max(0, z0);
        var cuts = new List<double> { lo, 0, 0.5, 1, z0, alpha, hi }
            .Where(c => c >= lo && c <= hi).Distinct().Order().ToList();
        var total = 0.0;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            total += DoubleExponentialTransformation.Integrate(z => Integrand(z, q, sigma, alpha), cuts[i], cuts[i + 1], 1e-14);
        }

        // log1p by Kahan's trick: Log(1 + tiny) would lose the digits this test is about.
        var onePlus = 1 + total;
        var log1p = onePlus == 1 ? total : Math.Log(onePlus) * total / (onePlus - 1);
        return log1p / (alpha - 1);
    }

    private static double Integrand(double z, double q, double sigma, double alpha)
    {
        var logPhi = -z * z / (2 * sigma * sigma) - Math.Log(sigma * Math.Sqrt(2 * Math.PI));
        var l = (2 * z - 1) / (2 * sigma * sigma);
        var u = q * Expm1(l);
        if (Math.Abs(u) < 1e-3)
        {
            // Σ_{k≥2} C(α,k) u^k, no cancellation.
            var c = alpha * (alpha - 1) / 2;
            var p = u * u;
            var s = 0.0;
            for (var k = 2; k < 40; k++)
            {
                s += c * p;
                c *= (alpha - k) / (k + 1);
                p *= u;
            }

            return Math.Exp(logPhi) * s;
        }

        var log1pu = Math.Log(1 + u);
        return Math.Exp(logPhi + alpha * log1pu) - Math.Exp(logPhi) * (1 + alpha * u);
    }

    private static double Expm1(double x)
    {
        if (Math.Abs(x) > 1e-5)
        {
            return Math.Exp(x) - 1;
        }

        return x + x * x / 2 + x * x * x / 6;
    }
}
