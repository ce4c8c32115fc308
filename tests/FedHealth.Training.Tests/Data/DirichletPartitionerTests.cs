using FedHealth.Training.Data;
using FedHealth.Training.Data.Partitioning;

namespace FedHealth.Training.Tests.Data;

public sealed class DirichletPartitionerTests
{
    private static readonly int[] Labels = [.. Enumerable.Range(0, 1000).Select(i => i % 5 < 2 ? 1 : 0)];

    [Fact]
    public void Every_row_goes_to_exactly_one_site()
    {
        var sites = DirichletPartitioner.Partition(Labels, new DirichletPartitionOptions(5, 0.5), 1);

        Assert.Equal(5, sites.Count);
        Assert.Equal(Enumerable.Range(0, 1000), sites.SelectMany(s => s).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_partition_and_another_seed_another()
    {
        var options = new DirichletPartitionOptions(4, 0.5);

        Assert.Equal(DirichletPartitioner.Partition(Labels, options, 7), DirichletPartitioner.Partition(Labels, options, 7));
        Assert.NotEqual(DirichletPartitioner.Partition(Labels, options, 7), DirichletPartitioner.Partition(Labels, options, 8));
    }

    [Fact]
    public void Every_site_meets_the_minimums()
    {
        var options = new DirichletPartitionOptions(8, 0.3) { MinRowsPerSite = 20 };

        var sites = DirichletPartitioner.Partition(Labels, options, 3);

        Assert.All(sites, s =>
        {
            Assert.True(s.Length >= 20);
            Assert.Contains(s, r => Labels[r] == 1);
            Assert.Contains(s, r => Labels[r] == 0);
        });
    }

    [Fact]
    public void Label_skew_grows_as_alpha_shrinks()
    {
        var skew = new[] { 100.0, 1.0, 0.1 }.Select(alpha => Enumerable.Range(0, 10).Average(seed =>
        {
            var options = new DirichletPartitionOptions(5, alpha) { MinRowsPerSite = 1, RequireBothClasses = false, MaxAttempts = 1000 };
            return DirichletPartitioner.Partition(Labels, options, seed)
                .Average(site => Math.Abs((site.Count(r => Labels[r] == 1) / (double)site.Length) - 0.4));
        })).ToArray();

        Assert.True(skew[0] < skew[1] && skew[1] < skew[2], $"mean |site prevalence − 0.4| for alpha 100, 1, 0.1: {string.Join(", ", skew)}");
        Assert.True(skew[0] < 0.05, $"alpha 100 should be nearly IID, skew {skew[0]}");
    }

    [Fact]
    public void Impossible_minimums_fail_with_a_clear_error()
    {
        var options = new DirichletPartitionOptions(10, 0.5) { MinRowsPerSite = 200, MaxAttempts = 20 };

        var error = Assert.Throws<DataValidationException>(() => DirichletPartitioner.Partition(Labels, options, 1));

        Assert.Contains("at least 200 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("larger alpha", error.Message, StringComparison.Ordinal);
    }
}
