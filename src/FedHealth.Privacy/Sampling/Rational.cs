using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>A non-negative rational number p/q in lowest terms, for exact sampler parameters (σ² of the discrete Gaussian).</summary>
public readonly record struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.Sign < 0 || denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"{numerator}/{denominator} is not a non-negative rational.");
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (g > BigInteger.One)
        {
            numerator /= g;
            denominator /= g;
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public double Value => (double)Numerator / (double)Denominator;

    public static Rational FromInteger(long value) => new(value, BigInteger.One);

    /// <summary>The exact value of a finite, non-negative double.</summary>
    public static Rational FromDouble(double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A finite, non-negative number is needed.");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var shift = exponent - 1075;
        return shift >= 0
            ? new Rational(new BigInteger(mantissa) << shift, BigInteger.One)
            : new Rational(mantissa, BigInteger.One << -shift);
    }

    /// <summary>The smallest multiple of 2^−<paramref name="fractionBits"/> that is ≥ <paramref name="value"/> (rounding noise up, never down).</summary>
    public static Rational CeilingOf(double value, int fractionBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fractionBits);
        var exact = FromDouble(value);
        var scale = BigInteger.One << fractionBits;
        var scaled = BigInteger.DivRem(exact.Numerator * scale, exact.Denominator, out var remainder);
        if (!remainder.IsZero)
        {
            scaled += 1;
        }

        return new Rational(scaled, scale);
    }

    /// <summary>⌊√(p/q)⌋.</summary>
    public BigInteger FloorSqrt()
    {
        var floor = Numerator / Denominator; // ⌊√x⌋ = ⌊√⌊x⌋⌋
        if (floor < 2)
        {
            return floor;
        }

        var x = (BigInteger)Math.Sqrt((double)floor);
        while (x * x > floor)
        {
            x--;
        }

        while ((x + 1) * (x + 1) <= floor)
        {
            x++;
        }

        return x;
    }

    public override string ToString() => Denominator.IsOne ? $"{Numerator}" : $"{Numerator}/{Denominator}";
}
