using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Server;

/// <summary>
/// A blob the server waits for. One connection at a time may upload to it; a failed attempt frees
/// it for a retry, and the first verified upload completes <see cref="Completion"/>.
/// </summary>
internal sealed class ExpectedUpload(BlobOffer offer, DateTimeOffset expiresAt, Func<X509Certificate2, bool>? mayUpload)
    : TicketEntry(offer, expiresAt, mayUpload)
{
    private int _inProgress;

    public TaskCompletionSource<byte[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override BlobOperation Operation => BlobOperation.Put;

    public bool TryClaim() => Interlocked.CompareExchange(ref _inProgress, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _inProgress, 0);

    public override void Retire(BlobStatus why) => Completion.TrySetException(new BlobTransferException(why, why == BlobStatus.ExpiredTicket
        ? $"No verified upload arrived for ticket {Offer.Ticket} before it expired."
        : $"The upload for ticket {Offer.Ticket} was withdrawn."));

    public override void Abandon() =>
        Completion.TrySetException(new ObjectDisposedException(nameof(BlobServer), $"The blob server stopped before the upload for ticket {Offer.Ticket} arrived."));
}
