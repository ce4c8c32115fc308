namespace FedHealth.SecureAggregation.SecureSum;

/// <summary>
/// Signed integers as elements of Z/2^m (two's complement in m bits), so that any integer vector —
/// counts, fixed-point sums, sums of squares — can go through the secure sum and come back signed.
/// </summary>
public static class SignedEncoding
{
    public static ulong Encode(long value, int modulusBits) => (ulong)value & Mask(modulusBits);

    public static long Decode(ulong value, int modulusBits)
    {
        value &= Mask(modulusBits);
        if (modulusBits == 64)
        {
            return (long)value;
        }

        var half = 1UL << (modulusBits - 1);
        return value >= half ? (long)value - (long)(half << 1) : (long)value;
    }

    public static ulong[] Encode(ReadOnlySpan<long> values, int modulusBits)
    {
        var result = new ulong[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Encode(values[i], modulusBits);
        }

        return result;
    }

    public static long[] Decode(ReadOnlySpan<ulong> values, int modulusBits)
    {
        var result = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Decode(values[i], modulusBits);
        }

        return result;
    }

    private static ulong Mask(int modulusBits)
    {
        if (modulusBits is < 2 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(modulusBits), $"The modulus is 2^m with 2 ≤ m ≤ 64, not m = {modulusBits}.");
        }

        return modulusBits == 64 ? ulong.MaxValue : (1UL << modulusBits) - 1;
    }
}
