namespace FedHealth.Training.Runtime;

/// <summary>
/// Derives independent, reproducible seeds for the different random streams of one run (shuffling,
/// splitting, partitioning, each site), so that changing one stream never shifts another.
/// </summary>
/// <remarks>
/// SplitMix64 over the seed and a stable hash of the purpose: string.GetHashCode is randomised per
/// process and must not be used here. These seeds drive simulation and shuffling only; nothing that
/// protects privacy draws from them.
/// </remarks>
internal static class Seeds
{
    public static int Derive(long seed, string purpose, long index = 0)
    {
        var state = unchecked((ulong)seed);
        state = Mix(state ^ Fnv1a(purpose));
        state = Mix(state ^ unchecked((ulong)index));
        return unchecked((int)(state >> 33));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
