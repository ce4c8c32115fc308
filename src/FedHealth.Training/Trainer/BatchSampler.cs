namespace FedHealth.Training.Trainer;

/// <summary>
/// Mini-batches from a seeded shuffle, reshuffled at every epoch; the last batch of an epoch may be
/// short (like PyTorch's DataLoader without drop_last). Steps beyond one epoch continue into the
/// next reshuffled epoch.
/// </summary>
/// <remarks>
/// System.Random is enough: shuffling only has to be reproducible, it protects no one's privacy.
/// </remarks>
internal sealed class BatchSampler
{
    private readonly Random _random;
    private readonly int[] _order;
    private readonly int _batchSize;
    private int _position;

    public BatchSampler(int rows, int batchSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _random = new Random(seed);
        _order = Enumerable.Range(0, rows).ToArray();
        _batchSize = Math.Min(batchSize, rows);
        Reshuffle();
    }

    /// <summary>The row indices of the next batch.</summary>
    public long[] Next()
    {
        if (_position >= _order.Length)
        {
            Reshuffle();
        }

        var count = Math.Min(_batchSize, _order.Length - _position);
        var batch = new long[count];
        for (var i = 0; i < count; i++)
        {
            batch[i] = _order[_position + i];
        }

        _position += count;
        return batch;
    }

    private void Reshuffle()
    {
        _random.Shuffle(_order);
        _position = 0;
    }
}
