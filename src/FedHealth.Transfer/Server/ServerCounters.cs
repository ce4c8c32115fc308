namespace FedHealth.Transfer.Server;

/// <summary>Thread-safe tallies behind <see cref="BlobServerCounters"/>.</summary>
internal sealed class ServerCounters
{
    private long _rejectedHandshakes;
    private long _refusedRequests;
    private long _completedFetches;
    private long _completedUploads;
    private long _failedTransfers;

    public void RejectedHandshake() => Interlocked.Increment(ref _rejectedHandshakes);

    public void RefusedRequest() => Interlocked.Increment(ref _refusedRequests);

    public void CompletedFetch() => Interlocked.Increment(ref _completedFetches);

    public void CompletedUpload() => Interlocked.Increment(ref _completedUploads);

    public void FailedTransfer() => Interlocked.Increment(ref _failedTransfers);

    public BlobServerCounters Snapshot() => new(
        Interlocked.Read(ref _rejectedHandshakes),
        Interlocked.Read(ref _refusedRequests),
        Interlocked.Read(ref _completedFetches),
        Interlocked.Read(ref _completedUploads),
        Interlocked.Read(ref _failedTransfers));
}
