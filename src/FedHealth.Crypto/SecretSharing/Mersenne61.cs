namespace FedHealth.Crypto.SecretSharing;

/// <summary>
/// Arithmetic in GF(p), p = 2^61 − 1 (a Mersenne prime). Products fit in 128 bits and reduce with
/// shifts and adds, without secret-dependent branches. Values are canonical: 0 ≤ x &lt; p.
/// </summary>
internal static class Mersenne61
{
    public const ulong P = (1UL << 61) - 1;

    public static ulong Add(ulong a, ulong b) => Canonical(a + b);

    public static ulong Subtract(ulong a, ulong b) => Canonical(a + P - b);

    public static ulong Multiply(ulong a, ulong b)
    {
        // a, b < 2^61 so the product is below 2^122; 2^64 ≡ 2^3 (mod p).
        var hi = Math.BigMul(a, b, out var lo);
        var r = (lo & P) + (lo >> 61) + (hi << 3);
        return Canonical(r);
    }

    /// <summary>a^(p−2) = a^(−1) for a ≠ 0 (Fermat).</summary>
    public static ulong Inverse(ulong a)
    {
        if (a == 0)
        {
            throw new DivideByZeroException("Zero has no inverse in GF(2^61 - 1).");
        }

        var result = 1UL;
        var baseValue = a;
        var exponent = P - 2;
        while (exponent != 0)
        {
            if ((exponent & 1) != 0)
            {
                result = Multiply(result, baseValue);
            }

            baseValue = Multiply(baseValue, baseValue);
            exponent >>= 1;
        }

        return result;
    }

    // Folds any value below 2^64 into [0, p) with two folds and a branch-free final subtraction.
    private static ulong Canonical(ulong r)
    {
        r = (r & P) + (r >> 61);
        r = (r & P) + (r >> 61);
        return r - (P & (0UL - ((r + 1) >> 61)));
    }
}
