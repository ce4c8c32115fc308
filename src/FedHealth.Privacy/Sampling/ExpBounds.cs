using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Rigorous fixed-point bounds on exp(−γ) for rational γ ≥ 0, to any precision, in exact integer
/// arithmetic: lo ≤ 2^p·exp(−γ) ≤ hi. Used to decide the rare acceptance tests that double
/// precision cannot, and to seed the sampler's tables; nothing here trusts a floating-point exp.
/// </summary>
internal static class ExpBounds
{
    public static (BigInteger Lo, BigInteger Hi) Of(BigInteger numerator, BigInteger denominator, int precision)
    {
        if (numerator.Sign < 0 || denominator.Sign <= 0 || precision < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"exp(−{numerator}/{denominator}) at {precision} bits is not defined here.");
        }

        var whole = BigInteger.DivRem(numerator, denominator, out var fraction);
        var guard = 16 + (int)whole.GetBitLength();
        var working = precision + guard;
        var (fLo, fHi) = OfFraction(fraction, denominator, working);
        var (oneLo, oneHi) = OfFraction(BigInteger.One, BigInteger.One, working);
        var lo = Multiply(Power(oneLo, whole, working, roundUp: false), fLo, working, roundUp: false);
        var hi = Multiply(Power(oneHi, whole, working, roundUp: true), fHi, working, roundUp: true);
        return (lo >> guard, CeilingShift(hi, guard));
    }

    /// <summary>exp(−a/b) for 0 ≤ a/b ≤ 1 by the alternating series Σ (−a/b)^i/i!, whose consecutive partial sums bracket the limit.</summary>
    private static (BigInteger Lo, BigInteger Hi) OfFraction(BigInteger a, BigInteger b, int bits)
    {
        var scale = BigInteger.One << bits;
        if (a.IsZero)
        {
            return (scale, scale);
        }

        // S_n = sum / denominator with denominator = b^n·n!; term_n = a^n / (b^n·n!).
        BigInteger sum = 1, denominator = 1, power = 1;
        BigInteger previousSum = 0, previousDenominator = 1;
        for (var n = 1; ; n++)
        {
            previousSum = sum;
            previousDenominator = denominator;
            power *= a;
            denominator *= b * n;
            sum = (previousSum * b * n) + ((n % 2 == 0) ? power : -power);
            if (power * scale < denominator)
            {
                break;
            }
        }

        var last = sum * previousDenominator;
        var before = previousSum * denominator;
        var common = denominator * previousDenominator;
        var (low, high) = last < before ? (last, before) : (before, last);
        return (BigInteger.Divide(low * scale, common), Ceiling(high * scale, common));
    }

    private static BigInteger Power(BigInteger x, BigInteger exponent, int bits, bool roundUp)
    {
        var result = BigInteger.One << bits;
        var square = x;
        while (!exponent.IsZero)
        {
            if (!exponent.IsEven)
            {
                result = Multiply(result, square, bits, roundUp);
            }

            exponent >>= 1;
            if (!exponent.IsZero)
            {
                square = Multiply(square, square, bits, roundUp);
            }
        }

        return result;
    }

    private static BigInteger Multiply(BigInteger x, BigInteger y, int bits, bool roundUp) =>
        roundUp ? CeilingShift(x * y, bits) : (x * y) >> bits;

    private static BigInteger CeilingShift(BigInteger x, int bits) => -((-x) >> bits);

    private static BigInteger Ceiling(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        return remainder.IsZero ? quotient : quotient + 1;
    }
}
