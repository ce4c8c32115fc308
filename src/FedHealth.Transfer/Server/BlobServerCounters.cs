namespace FedHealth.Transfer.Server;

/// <summary>What a <see cref="BlobServer"/> has done since it started.</summary>
/// <param name="RejectedHandshakes">Connections dropped before a request: no or refused client certificate, a failed or timed-out handshake.</param>
/// <param name="RefusedRequests">Authenticated requests answered with an error status (unknown ticket, not permitted, …).</param>
/// <param name="CompletedFetches">GETs whose client confirmed the bytes verified.</param>
/// <param name="CompletedUploads">PUTs the server verified and handed over.</param>
/// <param name="FailedTransfers">Transfers that started and broke off (corruption, disconnects, timeouts, peers below the minimum rate).</param>
/// <param name="SlowPeersDropped">Of those, connections dropped for moving fewer bytes than <see cref="BlobServerOptions.MinBytesPerSecond"/>.</param>
/// <param name="BusyRefusals">Connections refused because all handshake places, or the peer's own transfer slots, were taken.</param>
public sealed record BlobServerCounters(
    long RejectedHandshakes,
    long RefusedRequests,
    long CompletedFetches,
    long CompletedUploads,
    long FailedTransfers,
    long SlowPeersDropped = 0,
    long BusyRefusals = 0);
