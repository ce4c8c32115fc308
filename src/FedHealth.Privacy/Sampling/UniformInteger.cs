using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>Uniform integers in a range, exactly (no modulo bias).</summary>
public static class UniformInteger
{
    /// <summary>Uniform in [0, <paramref name="bound"/>), by Lemire's multiply-and-reject method.</summary>
    public static ulong Below(IRandomSource random, ulong bound)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (bound == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be > 0.");
        }

        var high = Math.BigMul(random.NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(random.NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>) for 128-bit bounds (masked rejection).</summary>
    public static UInt128 Below(IRandomSource random, UInt128 bound)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (bound == UInt128.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be > 0.");
        }

        if (bound <= ulong.MaxValue)
        {
            return Below(random, (ulong)bound);
        }

        var bits = 128 - (int)UInt128.LeadingZeroCount(bound - 1);
        var mask = bits == 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
        while (true)
        {
            var v = (new UInt128(random.NextUInt64(), random.NextUInt64())) & mask;
            if (v < bound)
            {
                return v;
            }
        }
    }

    /// <summary>Uniform in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public static long InRange(IRandomSource random, long minInclusive, long maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The range is empty.");
        }

        var width = (ulong)(maxExclusive - minInclusive);
        return minInclusive + (long)Below(random, width);
    }

    /// <summary>Uniform in [0, bound) for any binary integer type (UInt128 and BigInteger in practice).</summary>
    internal static T Below<T>(IRandomSource random, T bound)
        where T : IBinaryInteger<T>
    {
        if (typeof(T) == typeof(UInt128))
        {
            return (T)(object)Below(random, (UInt128)(object)bound);
        }

        if (bound <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be > 0.");
        }

        if (bound <= T.CreateTruncating(ulong.MaxValue))
        {
            return T.CreateTruncating(Below(random, ulong.CreateTruncating(bound)));
        }

        var bits = int.CreateChecked(T.Log2(bound - T.One)) + 1;
        var bytes = new byte[(bits + 7) / 8 + 1]; // one zero byte on top keeps BigInteger non-negative
        var topMask = (byte)(0xFF >> (8 * (bytes.Length - 1) - bits));
        while (true)
        {
            random.Fill(bytes.AsSpan(0, bytes.Length - 1));
            bytes[^2] &= topMask;
            bytes[^1] = 0;
            var v = T.ReadLittleEndian(bytes, isUnsigned: true);
            if (v < bound)
            {
                return v;
            }
        }
    }
}
