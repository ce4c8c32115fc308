using MathNet.Numerics.Distributions;

namespace FedHealth.Privacy.Tests.Sampling;

/// <summary>Chi-square and Kolmogorov–Smirnov p-values against exact distributions.</summary>
internal static class GoodnessOfFit
{
    /// <summary>
    /// Pearson's chi-square of integer samples against a pmf on [−support, support]; bins whose
    /// expected count is below 5 are pooled (the tails into their neighbours).
    /// </summary>
    public static double ChiSquarePValue(IReadOnlyList<long> samples, Func<long, double> pmf, long minimum, long maximum)
    {
        var counts = new Dictionary<long, long>();
        foreach (var s in samples)
        {
            var key = Math.Clamp(s, minimum, maximum);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var n = samples.Count;
        var total = 0.0;
        for (var x = minimum; x <= maximum; x++)
        {
            total += pmf(x);
        }

        var observed = new List<double>();
        var expected = new List<double>();
        double binObserved = 0, binExpected = 0;
        for (var x = minimum; x <= maximum; x++)
        {
            binObserved += counts.GetValueOrDefault(x);
            binExpected += n * pmf(x) / total;
            if (binExpected >= 5)
            {
                observed.Add(binObserved);
                expected.Add(binExpected);
                binObserved = binExpected = 0;
            }
        }

        observed[^1] += binObserved;
        expected[^1] += binExpected;
        var statistic = observed.Zip(expected, (o, e) => (o - e) * (o - e) / e).Sum();
        var df = observed.Count - 1;
        return 1 - ChiSquared.CDF(df, statistic);
    }

    /// <summary>Chi-square p-value for a count of successes in n Bernoulli(p) trials (1 degree of freedom).</summary>
    public static double BinomialPValue(long successes, long trials, double p)
    {
        var e1 = trials * p;
        var e0 = trials * (1 - p);
        var statistic = (successes - e1) * (successes - e1) / e1
                        + (trials - successes - e0) * (trials - successes - e0) / e0;
        return 1 - ChiSquared.CDF(1, statistic);
    }

    /// <summary>Two-sided one-sample Kolmogorov–Smirnov p-value (asymptotic Kolmogorov distribution).</summary>
    public static double KolmogorovSmirnovPValue(double[] samples, Func<double, double> cdf)
    {
        var sorted = samples.Order().ToArray();
        var n = sorted.Length;
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(f - (double)i / n, (double)(i + 1) / n - f));
        }

        var lambda = (Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n)) * d;
        var p = 0.0;
        for (var k = 1; k < 100; k++)
        {
            p += 2 * Math.Pow(-1, k - 1) * Math.Exp(-2 * k * k * lambda * lambda);
        }

        return Math.Clamp(p, 0, 1);
    }
}
