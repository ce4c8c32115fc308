using System.Buffers.Binary;
using System.Security.Cryptography;
using FedHealth.Crypto.Prg;
using FedHealth.Crypto.Randomness;

namespace FedHealth.SecureAggregation.Quantization;

/// <summary>
/// Unbiased rounding: v becomes ⌊v⌋ + 1 with probability v − ⌊v⌋ and ⌊v⌋ otherwise, so the
/// expected rounded value is v. The coin flips come from AES-256-CTR under a fresh seed from the
/// operating system's CSPRNG (32 bits per value): rounding noise is not predictable by anyone.
/// </summary>
public static class StochasticRounding
{
    private const int Batch = 4096;

    public static void Round(ReadOnlySpan<double> values, Span<long> destination)
    {
        if (destination.Length != values.Length)
        {
            throw new ArgumentException("The destination differs in length from the values.", nameof(destination));
        }

        var seed = CryptoRandom.Seed();
        using var prg = new AesCtrPrg(seed);
        CryptographicOperations.ZeroMemory(seed);
        Span<byte> coins = stackalloc byte[Batch * 4];
        long block = 0;
        for (var start = 0; start < values.Length; start += Batch)
        {
            var count = Math.Min(Batch, values.Length - start);
            prg.Generate(coins[..(count * 4)], block);
            block += Batch * 4 / AesCtrPrg.BlockSize;
            for (var i = 0; i < count; i++)
            {
                var v = values[start + i];
                if (!double.IsFinite(v) || Math.Abs(v) >= 9.2e18)
                {
                    throw new ArgumentOutOfRangeException(nameof(values), "A value is not finite or does not fit in 64 bits.");
                }

                var floor = Math.Floor(v);
                var u = BinaryPrimitives.ReadUInt32LittleEndian(coins[(i * 4)..]) * (1.0 / 4294967296.0);
                destination[start + i] = (long)floor + (u < v - floor ? 1 : 0);
            }
        }

        CryptographicOperations.ZeroMemory(coins);
    }
}
