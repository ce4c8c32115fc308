namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Walker's alias method in exact integers (Vose's construction) for weights that sum to exactly
/// 2^64: with 2^b columns of capacity 2^(64−b), a 64-bit word picks column j = word ≫ (64 − b),
/// and index j if its low bits are below <c>threshold[j]</c>, else <c>alias[j]</c>. Each index
/// then comes out with probability weight·2^−64 exactly.
/// </summary>
internal static class IntegerAliasTable
{
    public static (ulong[] Threshold, int[] Alias, int Shift) Build(IReadOnlyList<UInt128> weights)
    {
        var total = UInt128.Zero;
        foreach (var w in weights)
        {
            total += w;
        }

        if (total != (UInt128)ulong.MaxValue + 1 || weights.Count < 2)
        {
            throw new ArgumentException($"An exact alias table needs at least two weights summing to 2^64, not {weights.Count} summing to {total}.", nameof(weights));
        }

        var columnBits = Math.Max(1, 128 - (int)UInt128.LeadingZeroCount((UInt128)(weights.Count - 1)));
        var columns = 1 << columnBits;
        var shift = 64 - columnBits;
        var capacity = (UInt128)1 << shift;
        var remaining = new UInt128[columns];
        for (var i = 0; i < weights.Count; i++)
        {
            remaining[i] = weights[i];
        }

        var threshold = new ulong[columns];
        var alias = new int[columns];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < columns; i++)
        {
            (remaining[i] < capacity ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Peek();
            threshold[s] = (ulong)remaining[s];
            alias[s] = l;
            remaining[l] -= capacity - remaining[s];
            if (remaining[l] < capacity)
            {
                small.Push(large.Pop());
            }
        }

        // Exact integers leave only full columns here: each keeps its own index.
        foreach (var full in small.Concat(large))
        {
            if (remaining[full] != capacity)
            {
                throw new InvalidOperationException("The alias table did not balance; the weights were not exact.");
            }

            threshold[full] = capacity > ulong.MaxValue ? ulong.MaxValue : (ulong)capacity;
            alias[full] = full;
        }

        return (threshold, alias, shift);
    }
}
