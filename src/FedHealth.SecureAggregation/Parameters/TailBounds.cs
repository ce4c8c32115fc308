namespace FedHealth.SecureAggregation.Parameters;

/// <summary>Binomial and hypergeometric tails, exact (in log space), for the parameter choice.</summary>
internal static class TailBounds
{
    /// <summary>P[X ≥ atLeast] for X ~ Binomial(n, p), exactly.</summary>
    public static double BinomialUpperTail(int n, double p, int atLeast)
    {
        if (atLeast <= 0)
        {
            return 1;
        }

        if (atLeast > n)
        {
            return 0;
        }

        return SumPmf(n, p, atLeast, n);
    }

    /// <summary>P[X &lt; below] for X ~ Binomial(n, p), exactly.</summary>
    public static double BinomialLowerTail(int n, double p, int below)
    {
        if (below <= 0)
        {
            return 0;
        }

        if (below > n)
        {
            return 1;
        }

        return SumPmf(n, p, 0, below - 1);
    }

    /// <summary>
    /// P[X ≥ atLeast] for X ~ Hypergeometric: <paramref name="draws"/> taken without replacement
    /// from <paramref name="population"/> of which <paramref name="marked"/> are marked; exactly.
    /// </summary>
    public static double HypergeometricUpperTail(int population, int marked, int draws, int atLeast)
    {
        var from = Math.Max(Math.Max(atLeast, 0), draws - (population - marked));
        var to = Math.Min(marked, draws);
        if (from > to)
        {
            return 0;
        }

        var total = LogChoose(population, draws);
        var max = double.NegativeInfinity;
        var terms = new double[to - from + 1];
        for (var x = from; x <= to; x++)
        {
            terms[x - from] = LogChoose(marked, x) + LogChoose(population - marked, draws - x) - total;
            max = Math.Max(max, terms[x - from]);
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>−log2 of a probability, capped for readability (∞ for zero).</summary>
    public static double Bits(double probability) =>
        probability <= 0 ? double.PositiveInfinity : Math.Max(0, -Math.Log2(Math.Min(1, probability)));

    private static double SumPmf(int n, double p, int from, int to)
    {
        if (p <= 0)
        {
            return from == 0 ? 1 : 0;
        }

        if (p >= 1)
        {
            return to == n ? 1 : 0;
        }

        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var max = double.NegativeInfinity;
        var terms = new double[to - from + 1];
        for (var x = from; x <= to; x++)
        {
            var term = LogChoose(n, x) + (x * logP) + ((n - x) * logQ);
            terms[x - from] = term;
            max = Math.Max(max, term);
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    private static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n)
    {
        // Exact sum for small n, Stirling's series (error below 1e-12) beyond.
        if (n < 64)
        {
            var s = 0.0;
            for (var i = 2; i <= n; i++)
            {
                s += Math.Log(i);
            }

            return s;
        }

        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }
}
