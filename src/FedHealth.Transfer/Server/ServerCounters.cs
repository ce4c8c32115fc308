namespace FedHealth.Transfer.Server;

/// <summary>Thread-safe tallies behind <see cref="BlobServerCounters"/>.</summary>
internal sealed class ServerCounters
{
    private long _rejectedHandshakes;
    private long _refusedRequests;
    private long _completedFetches;
    private long _completedUploads;
    private long _failedTransfers;
    private long _slowPeers;
    private long _busy;

    public void RejectedHandshake() => Interlocked.Increment(ref _rejectedHandshakes);

    public void RefusedRequest() => Interlocked.Increment(ref _refusedRequests);

    public void CompletedFetch() => Interlocked.Increment(ref _completedFetches);

    public void CompletedUpload() => Interlocked.Increment(ref _completedUploads);

    public void FailedTransfer() => Interlocked.Increment(ref _failedTransfers);

    public void SlowPeerDropped() => Interlocked.Increment(ref _slowPeers);

    public void Busy() => Interlocked.Increment(ref _busy);

    public BlobServerCounters Snapshot() => new(
        Interlocked.Read(ref _rejectedHandshakes),
        Interlocked.Read(ref _refusedRequests),
        Interlocked.Read(ref _completedFetches),
        Interlocked.Read(ref _completedUploads),
        Interlocked.Read(ref _failedTransfers),
        Interlocked.Read(ref _slowPeers),
        Interlocked.Read(ref _busy));
}
