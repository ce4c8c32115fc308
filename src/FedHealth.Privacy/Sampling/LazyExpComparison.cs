using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Decides U &lt; c·exp(−γ) exactly, for a uniform real U in [0, 1) of which only the first 64 bits
/// have been drawn, and rational c, γ with c·exp(−γ) ≤ 1: it draws further bits of U and tightens
/// <see cref="ExpBounds"/> until the comparison is settled. This is the slow path of a table
/// sampler, taken when double-precision bounds cannot decide (about once in 2^28 draws or rarer).
/// </summary>
internal static class LazyExpComparison
{
    public static bool IsBelow(
        IRandomSource random, ulong firstWord, BigInteger factorNumerator, BigInteger factorDenominator, BigInteger gammaNumerator, BigInteger gammaDenominator)
    {
        BigInteger u = firstWord;
        var bits = 64;
        while (true)
        {
            // c·exp(−γ)·2^bits lies in [lo·c, hi·c] / 2^64 with exp(−γ)·2^(bits+64) ∈ [lo, hi].
            var (lo, hi) = ExpBounds.Of(gammaNumerator, gammaDenominator, bits + 64);
            var denominator = factorDenominator << 64;
            var below = BigInteger.Divide(lo * factorNumerator, denominator);
            var above = BigInteger.DivRem(hi * factorNumerator, denominator, out var remainder);
            if (!remainder.IsZero)
            {
                above += 1;
            }

            // U lies in [u, u + 1)·2^−bits.
            if (u + 1 <= below)
            {
                return true;
            }

            if (u >= above)
            {
                return false;
            }

            u = (u << 64) | random.NextUInt64();
            bits += 64;
        }
    }
}
