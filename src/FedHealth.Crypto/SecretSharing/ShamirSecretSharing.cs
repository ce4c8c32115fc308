using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedHealth.Crypto.SecretSharing;

/// <summary>
/// t-of-n Shamir secret sharing over GF(2^61 − 1). A secret is cut into 56-bit limbs and each limb
/// is shared with its own independent random polynomial of degree t − 1, all evaluated at the
/// same indices. Any t shares reconstruct; any t − 1 shares are uniformly distributed whatever the
/// secret (per limb, and jointly because the limbs' polynomials are independent).
/// </summary>
public static class ShamirSecretSharing
{
    /// <summary>Secret bytes carried by one field element (56 bits &lt; 61 bits).</summary>
    public const int BytesPerLimb = 7;

    public const int BytesPerElement = 8;

    /// <summary>The size of a share of a secret of <paramref name="secretLength"/> bytes.</summary>
    public static int ShareSize(int secretLength) => Limbs(secretLength) * BytesPerElement;

    /// <summary>Splits <paramref name="secret"/> into one share per index; indices must be distinct and positive.</summary>
    public static ShamirShare[] Split(ReadOnlySpan<byte> secret, int threshold, ReadOnlySpan<int> indices)
    {
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        if (indices.Length < threshold)
        {
            throw new ArgumentException($"{indices.Length} shares cannot meet a threshold of {threshold}.", nameof(indices));
        }

        CheckIndices(indices);
        var limbs = Limbs(secret.Length);
        var coefficients = new ulong[threshold];
        var values = new ulong[indices.Length * limbs];
        try
        {
            for (var limb = 0; limb < limbs; limb++)
            {
                coefficients[0] = ReadLimb(secret, limb);
                for (var j = 1; j < threshold; j++)
                {
                    coefficients[j] = RandomElement();
                }

                for (var s = 0; s < indices.Length; s++)
                {
                    var x = (ulong)indices[s];
                    var y = coefficients[threshold - 1];
                    for (var j = threshold - 2; j >= 0; j--)
                    {
                        y = Mersenne61.Add(Mersenne61.Multiply(y, x), coefficients[j]);
                    }

                    values[(s * limbs) + limb] = y;
                }
            }

            var shares = new ShamirShare[indices.Length];
            for (var s = 0; s < indices.Length; s++)
            {
                var bytes = new byte[limbs * BytesPerElement];
                for (var limb = 0; limb < limbs; limb++)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(limb * BytesPerElement), values[(s * limbs) + limb]);
                }

                shares[s] = new ShamirShare(indices[s], bytes);
            }

            return shares;
        }
        finally
        {
            Array.Clear(coefficients);
            Array.Clear(values);
        }
    }

    /// <summary>
    /// Reconstructs a secret of <paramref name="secretLength"/> bytes from the first
    /// <paramref name="threshold"/> of <paramref name="shares"/>. Throws
    /// <see cref="CryptographicException"/> for too few, duplicate or malformed shares, or when the
    /// result is not a valid encoding (a sign of inconsistent shares).
    /// </summary>
    public static byte[] Combine(IReadOnlyList<ShamirShare> shares, int threshold, int secretLength)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        if (shares.Count < threshold)
        {
            throw new CryptographicException($"{shares.Count} shares are fewer than the threshold {threshold}.");
        }

        var indices = new int[threshold];
        for (var i = 0; i < threshold; i++)
        {
            indices[i] = shares[i].Index;
        }

        return Combine(shares, LagrangeWeightsAtZero(indices), secretLength);
    }

    /// <summary>
    /// The weights λ_i with f(0) = Σ λ_i f(x_i) for every polynomial f of degree below
    /// indices.Length: reusable for every secret shared at the same indices.
    /// </summary>
    public static ulong[] LagrangeWeightsAtZero(ReadOnlySpan<int> indices)
    {
        CheckIndices(indices);
        var t = indices.Length;
        var numerator = 1UL;
        foreach (var x in indices)
        {
            numerator = Mersenne61.Multiply(numerator, (ulong)x);
        }

        // λ_i = Π_{j≠i} x_j / (x_j − x_i) = (Π_j x_j) / (x_i · Π_{j≠i} (x_j − x_i)).
        var denominators = new ulong[t];
        for (var i = 0; i < t; i++)
        {
            var xi = (ulong)indices[i];
            var denominator = xi;
            for (var j = 0; j < t; j++)
            {
                if (j != i)
                {
                    denominator = Mersenne61.Multiply(denominator, Mersenne61.Subtract((ulong)indices[j], xi));
                }
            }

            denominators[i] = denominator;
        }

        // One inversion for all denominators (Montgomery's trick): prefix products, invert the
        // total, then peel the factors off from the end.
        var prefix = new ulong[t];
        var running = 1UL;
        for (var i = 0; i < t; i++)
        {
            prefix[i] = running;
            running = Mersenne61.Multiply(running, denominators[i]);
        }

        var inverse = Mersenne61.Multiply(numerator, Mersenne61.Inverse(running));
        var weights = new ulong[t];
        for (var i = t - 1; i >= 0; i--)
        {
            weights[i] = Mersenne61.Multiply(inverse, prefix[i]);
            inverse = Mersenne61.Multiply(inverse, denominators[i]);
        }

        return weights;
    }

    /// <summary>Reconstructs with precomputed weights for the indices of the first weights.Length shares.</summary>
    public static byte[] Combine(IReadOnlyList<ShamirShare> shares, ReadOnlySpan<ulong> weights, int secretLength)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfLessThan(secretLength, 1);
        var limbs = Limbs(secretLength);
        var shareSize = limbs * BytesPerElement;
        if (shares.Count < weights.Length)
        {
            throw new CryptographicException($"{shares.Count} shares are fewer than the {weights.Length} weights.");
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (shares[i].Value is null || shares[i].Value.Length != shareSize)
            {
                throw new CryptographicException($"A share of a {secretLength}-byte secret has {shareSize} bytes.");
            }
        }

        var secret = new byte[secretLength];
        for (var limb = 0; limb < limbs; limb++)
        {
            var sum = 0UL;
            for (var i = 0; i < weights.Length; i++)
            {
                var y = BinaryPrimitives.ReadUInt64BigEndian(shares[i].Value.AsSpan(limb * BytesPerElement));
                if (y >= Mersenne61.P)
                {
                    throw new CryptographicException("A share holds a value outside the field.");
                }

                sum = Mersenne61.Add(sum, Mersenne61.Multiply(weights[i], y));
            }

            WriteLimb(secret, limb, sum);
        }

        return secret;
    }

    private static int Limbs(int secretLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(secretLength, 1);
        return (secretLength + BytesPerLimb - 1) / BytesPerLimb;
    }

    private static void CheckIndices(ReadOnlySpan<int> indices)
    {
        var seen = new HashSet<int>();
        foreach (var x in indices)
        {
            if (x <= 0)
            {
                throw new CryptographicException($"Share index {x} is not positive.");
            }

            if (!seen.Add(x))
            {
                throw new CryptographicException($"Share index {x} appears twice.");
            }
        }
    }

    private static ulong ReadLimb(ReadOnlySpan<byte> secret, int limb)
    {
        var chunk = secret.Slice(limb * BytesPerLimb, Math.Min(BytesPerLimb, secret.Length - (limb * BytesPerLimb)));
        var value = 0UL;
        foreach (var b in chunk)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static void WriteLimb(Span<byte> secret, int limb, ulong value)
    {
        var length = Math.Min(BytesPerLimb, secret.Length - (limb * BytesPerLimb));
        if (value >> (8 * length) != 0)
        {
            throw new CryptographicException("The shares are inconsistent: a reconstructed limb is out of range.");
        }

        for (var i = length - 1; i >= 0; i--)
        {
            secret[(limb * BytesPerLimb) + i] = (byte)value;
            value >>= 8;
        }
    }

    private static ulong RandomElement()
    {
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var value = BinaryPrimitives.ReadUInt64LittleEndian(bytes) & Mersenne61.P;
            if (value != Mersenne61.P)
            {
                return value;
            }
        }
    }
}
