using FedHealth.Training.Data.Partitioning;

namespace FedHealth.Training.Tests.Data;

public sealed class StratifiedSplitTests
{
    private static readonly int[] Labels = [.. Enumerable.Range(0, 100).Select(i => i < 30 ? 1 : 0)];

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        Assert.Equal(StratifiedSplit.Assign(Labels, 0.25, 1), StratifiedSplit.Assign(Labels, 0.25, 1));
        Assert.NotEqual(StratifiedSplit.Assign(Labels, 0.25, 1), StratifiedSplit.Assign(Labels, 0.25, 2));
    }

    [Fact]
    public void Each_class_keeps_its_share_in_the_test_part()
    {
        var isTest = StratifiedSplit.Assign(Labels, 0.25, 3);

        Assert.Equal(25, isTest.Count(t => t));
        Assert.InRange(Enumerable.Range(0, 100).Count(r => isTest[r] && Labels[r] == 1), 7, 8);
    }

    [Fact]
    public void A_rare_class_appears_in_both_parts_when_it_has_two_rows()
    {
        int[] labels = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];

        var isTest = StratifiedSplit.Assign(labels, 0.1, 4);

        Assert.Single(Enumerable.Range(0, 10), r => isTest[r] && labels[r] == 1);
        Assert.Single(Enumerable.Range(0, 10), r => !isTest[r] && labels[r] == 1);
    }

    [Fact]
    public void A_single_row_of_a_class_stays_in_training()
    {
        int[] labels = [1, 0, 0, 0, 0];

        Assert.False(StratifiedSplit.Assign(labels, 0.5, 5)[0]);
    }
}
