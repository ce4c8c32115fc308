using FedHealth.Training.Trainer;

namespace FedHealth.Training.Tests.Trainer;

public sealed class BatchSamplerTests
{
    [Fact]
    public void Every_row_appears_once_per_epoch_and_the_last_batch_may_be_short()
    {
        var sampler = new BatchSampler(rows: 10, batchSize: 4, seed: 1);

        var epoch = new[] { sampler.Next(), sampler.Next(), sampler.Next() };

        Assert.Equal([4, 4, 2], epoch.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), epoch.SelectMany(b => b).Order());
    }

    [Fact]
    public void The_next_epoch_is_reshuffled()
    {
        var sampler = new BatchSampler(rows: 40, batchSize: 40, seed: 1);

        Assert.NotEqual(sampler.Next(), sampler.Next());
    }

    [Fact]
    public void A_batch_larger_than_the_data_is_the_whole_data()
    {
        Assert.Equal(3, new BatchSampler(rows: 3, batchSize: 8, seed: 1).Next().Length);
    }
}
