using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Bernoulli trials with exactly the stated probability: rational probabilities by comparing a
/// uniform integer, exp(−γ) for rational γ by Canonne, Kamath, Steinke 2020 Algorithm 1, and a
/// double probability by comparing random bits with its (finite) binary expansion.
/// </summary>
public static class ExactBernoulli
{
    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public static bool Rational(IRandomSource random, ulong numerator, ulong denominator)
    {
        if (numerator > denominator || denominator == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "The probability must be in [0, 1].");
        }

        return UniformInteger.Below(random, denominator) < numerator;
    }

    /// <summary>True with probability exactly <paramref name="probability"/> (the value of the double).</summary>
    public static bool Probability(IRandomSource random, double probability)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be in [0, 1].");
        }

        if (probability == 0)
        {
            return false;
        }

        if (probability == 1)
        {
            return true;
        }

        // probability = m · 2^−k with m odd, m < 2^53: true iff a uniform k-bit integer is < m.
        var bits = BitConverter.DoubleToInt64Bits(probability);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = (ulong)(bits & 0xFFFFFFFFFFFFFL);
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1UL << 52;
        }

        var k = 1075 - exponent; // probability = mantissa · 2^−k
        var trailing = BitOperations.TrailingZeroCount(mantissa);
        mantissa >>= trailing;
        k -= trailing;

        // The top k − 64 bits (if any) must all be zero since m < 2^64.
        var leading = k - 64;
        while (leading > 0)
        {
            var take = Math.Min(leading, 64);
            var word = random.NextUInt64() >> (64 - take);
            if (word != 0)
            {
                return false;
            }

            leading -= take;
        }

        var low = k >= 64 ? random.NextUInt64() : random.NextUInt64() >> (64 - k);
        return low < mantissa;
    }

    /// <summary>True with probability exp(−<paramref name="numerator"/>/<paramref name="denominator"/>).</summary>
    public static bool ExpMinus(IRandomSource random, BigInteger numerator, BigInteger denominator)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (numerator.Sign < 0 || denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "γ = numerator/denominator must be ≥ 0.");
        }

        return ExpMinus<BigInteger>(random, numerator, denominator);
    }

    /// <summary>exp(−num/den) for num ≥ 0: floor(γ) trials of exp(−1), then one of exp(−frac(γ)).</summary>
    internal static bool ExpMinus<T>(IRandomSource random, T numerator, T denominator)
        where T : IBinaryInteger<T>
    {
        var (whole, fraction) = T.DivRem(numerator, denominator);
        for (var k = T.Zero; k < whole; k++)
        {
            if (!ExpMinusOne(random))
            {
                return false;
            }
        }

        return ExpMinusFraction(random, fraction, denominator);
    }

    /// <summary>CKS20 Algorithm 1 for γ = num/den ∈ [0, 1]: count K while Bernoulli(γ/K) succeeds; true iff K is odd.</summary>
    internal static bool ExpMinusFraction<T>(IRandomSource random, T numerator, T denominator)
        where T : IBinaryInteger<T>
    {
        if (T.IsZero(numerator))
        {
            return true;
        }

        var k = T.One;
        while (UniformInteger.Below(random, checked(denominator * k)) < numerator)
        {
            k++;
        }

        return T.IsOddInteger(k);
    }

    /// <summary>Bernoulli(exp(−1)): Algorithm 1 with γ = 1, i.e. Bernoulli(1/K) for K = 2, 3, …</summary>
    internal static bool ExpMinusOne(IRandomSource random)
    {
        ulong k = 2; // Bernoulli(1/1) always succeeds
        while (UniformInteger.Below(random, k) == 0)
        {
            k++;
        }

        return (k & 1) == 1;
    }
}
