using System.Buffers.Binary;
using FedHealth.Core.Ids;
using FedHealth.Crypto.Prg;

namespace FedHealth.SecureAggregation.Graph;

/// <summary>
/// The random Harary graph of SecAgg+: the sites are placed on a ring in an order drawn from a
/// keyed CSPRNG (AES-256-CTR), and each is joined to the ⌈k/2⌉ sites on either side; when k
/// reaches n − 1 it is the complete graph of the original SecAgg. Every party derives the same
/// graph from the same key and node list.
/// </summary>
public sealed class NeighbourGraph
{
    private readonly Dictionary<SiteId, int> _position;
    private readonly int _half;

    private NeighbourGraph(IReadOnlyList<SiteId> order, int neighbours)
    {
        Order = order;
        _position = new Dictionary<SiteId, int>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            _position.Add(order[i], i);
        }

        _half = (neighbours + 1) / 2;
        IsComplete = 2 * _half >= order.Count - 1;
        Degree = IsComplete ? order.Count - 1 : 2 * _half;
    }

    /// <summary>The ring order.</summary>
    public IReadOnlyList<SiteId> Order { get; }

    public bool IsComplete { get; }

    /// <summary>Neighbours per site (the requested k rounded up to even, or n − 1).</summary>
    public int Degree { get; }

    /// <summary>
    /// The graph on <paramref name="sites"/> (any order; they are sorted first) with
    /// <paramref name="neighbours"/> neighbours each, ring order shuffled by Fisher–Yates with
    /// randomness from AES-256-CTR under <paramref name="graphKey"/>.
    /// </summary>
    public static NeighbourGraph Create(IEnumerable<SiteId> sites, int neighbours, ReadOnlySpan<byte> graphKey)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        var order = sites.Order().ToArray();
        for (var i = 1; i < order.Length; i++)
        {
            if (order[i] == order[i - 1])
            {
                throw new ArgumentException($"Site {order[i]} appears twice.", nameof(sites));
            }
        }

        using var prg = new AesCtrPrg(graphKey);
        var stream = new UniformStream(prg);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = stream.Below((uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return new NeighbourGraph(order, neighbours);
    }

    public bool Contains(SiteId site) => _position.ContainsKey(site);

    public bool AreNeighbours(SiteId a, SiteId b)
    {
        if (a == b || !_position.TryGetValue(a, out var pa) || !_position.TryGetValue(b, out var pb))
        {
            return false;
        }

        if (IsComplete)
        {
            return true;
        }

        var distance = Math.Abs(pa - pb);
        distance = Math.Min(distance, Order.Count - distance);
        return distance <= _half;
    }

    /// <summary>The neighbours of <paramref name="site"/>, in ordinal order of their ids.</summary>
    public IReadOnlyList<SiteId> NeighboursOf(SiteId site)
    {
        if (!_position.TryGetValue(site, out var p))
        {
            throw new KeyNotFoundException($"Site {site} is not in the graph.");
        }

        var n = Order.Count;
        var result = new List<SiteId>(Degree);
        if (IsComplete)
        {
            result.AddRange(Order.Where(s => s != site));
        }
        else
        {
            for (var d = 1; d <= _half; d++)
            {
                result.Add(Order[(p + d) % n]);
                result.Add(Order[(p - d + n) % n]);
            }
        }

        result.Sort();
        return result;
    }

    /// <summary>Unbiased integers below a bound, by rejection sampling from the keystream.</summary>
    private sealed class UniformStream(AesCtrPrg prg)
    {
        private readonly byte[] _buffer = new byte[4096];
        private int _offset = 4096;
        private long _block;

        public int Below(uint bound)
        {
            var limit = uint.MaxValue - (uint.MaxValue % bound);
            while (true)
            {
                var value = Next();
                if (value < limit)
                {
                    return (int)(value % bound);
                }
            }
        }

        private uint Next()
        {
            if (_offset == _buffer.Length)
            {
                prg.Generate(_buffer, _block);
                _block += _buffer.Length / AesCtrPrg.BlockSize;
                _offset = 0;
            }

            var value = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_offset));
            _offset += 4;
            return value;
        }
    }
}
