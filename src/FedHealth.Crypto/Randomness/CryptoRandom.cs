using System.Security.Cryptography;

namespace FedHealth.Crypto.Randomness;

/// <summary>
/// The operating system's CSPRNG. Every value that protects privacy (keys, seeds, share
/// coefficients, rounding noise seeds) starts here; <see cref="System.Random"/> never does.
/// </summary>
public static class CryptoRandom
{
    /// <summary>Size of the seeds the protocol draws: 256 bits.</summary>
    public const int SeedSize = 32;

    public static byte[] Bytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return RandomNumberGenerator.GetBytes(count);
    }

    public static void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);

    /// <summary>A fresh 256-bit seed.</summary>
    public static byte[] Seed() => RandomNumberGenerator.GetBytes(SeedSize);
}
