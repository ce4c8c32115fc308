using FedHealth.Core.Ids;
using FedHealth.SecureAggregation.Graph;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Graph;

public sealed class NeighbourGraphTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(10, 2)]
    [InlineData(11, 4)]
    [InlineData(100, 24)]
    public void Every_site_has_exactly_k_neighbours_and_the_relation_is_symmetric(int n, int k)
    {
        var graph = NeighbourGraph.Create(Sessions.Sites(n), k, Key);

        foreach (var site in graph.Order)
        {
            var neighbours = graph.NeighboursOf(site);
            Assert.Equal(k, neighbours.Count);
            Assert.DoesNotContain(site, neighbours);
            Assert.All(neighbours, v => Assert.True(graph.AreNeighbours(v, site)));
        }
    }

    [Fact]
    public void k_of_n_minus_1_is_the_complete_graph()
    {
        var graph = NeighbourGraph.Create(Sessions.Sites(7), 6, Key);

        Assert.True(graph.IsComplete);
        Assert.All(graph.Order, s => Assert.Equal(6, graph.NeighboursOf(s).Count));
    }

    [Fact]
    public void The_same_key_gives_the_same_graph_whatever_the_input_order()
    {
        var sites = Sessions.Sites(30);

        var a = NeighbourGraph.Create(sites, 6, Key);
        var b = NeighbourGraph.Create(sites.Reverse(), 6, Key);

        Assert.Equal(a.Order, b.Order);
    }

    [Fact]
    public void Another_key_gives_another_order()
    {
        var other = (byte[])Key.Clone();
        other[0] ^= 1;

        Assert.NotEqual(NeighbourGraph.Create(Sessions.Sites(30), 6, Key).Order, NeighbourGraph.Create(Sessions.Sites(30), 6, other).Order);
    }

    [Fact]
    public void The_ring_order_is_a_uniform_shuffle()
    {
        // Where site 0 lands, over many keys: χ² over 10 positions.
        var counts = new int[10];
        var sites = Sessions.Sites(10);
        for (var i = 0; i < 5000; i++)
        {
            var key = BitConverter.GetBytes(i).Concat(new byte[28]).ToArray();
            var order = NeighbourGraph.Create(sites, 2, key).Order;
            counts[order.ToList().IndexOf(sites[0])]++;
        }

        var chi2 = counts.Sum(c => (c - 500.0) * (c - 500.0) / 500.0);
        Assert.True(chi2 < 35, $"χ² = {chi2:F1} with 9 degrees of freedom");
    }

    [Fact]
    public void The_graph_stays_connected_after_removing_fewer_than_k_over_2_consecutive_sites()
    {
        var graph = NeighbourGraph.Create(Sessions.Sites(40), 6, Key);
        var removed = graph.Order.Skip(5).Take(2).ToHashSet();

        Assert.True(Connected(graph, removed));
    }

    private static bool Connected(NeighbourGraph graph, HashSet<SiteId> removed)
    {
        var remaining = graph.Order.Where(s => !removed.Contains(s)).ToList();
        var seen = new HashSet<SiteId> { remaining[0] };
        var queue = new Queue<SiteId>(seen);
        while (queue.Count > 0)
        {
            foreach (var v in graph.NeighboursOf(queue.Dequeue()).Where(v => !removed.Contains(v) && seen.Add(v)))
            {
                queue.Enqueue(v);
            }
        }

        return seen.Count == remaining.Count;
    }
}
