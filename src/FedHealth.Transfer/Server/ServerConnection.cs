using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Tls;

namespace FedHealth.Transfer.Server;

/// <summary>
/// One accepted connection: the mutual-TLS handshake (within its deadline, holding no transfer
/// slot), a slot of the peer's own share, one request, then either serving a published blob (GET)
/// or receiving an expected one (PUT) above the minimum rate. Nothing is read past the request
/// before the peer is authenticated, its ticket found, and the ticket found to be for that peer.
/// </summary>
internal sealed class ServerConnection(
    BlobServerOptions options, SslServerAuthenticationOptions tls, TicketRegistry tickets, ServerCounters counters, ConnectionSlots slots)
{
    private readonly RateFloor _floor = new(options.MinBytesPerSecond, options.RateGracePeriod);
    private int _handshakes;

    public async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        if (Interlocked.Increment(ref _handshakes) > options.MaxPendingHandshakes)
        {
            Interlocked.Decrement(ref _handshakes);
            counters.Busy();
            socket.Dispose();
            return;
        }

        SocketTuning.Apply(socket, options.SocketBufferBytes);
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var tlsStream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        await using (tlsStream.ConfigureAwait(false))
        {
            X509Certificate2? peer;
            try
            {
                peer = await AuthenticateAsync(tlsStream, watchdog).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _handshakes);
            }

            if (peer is null)
            {
                counters.RejectedHandshake();
                return;
            }

            await TransferAsync(tlsStream, peer, watchdog).ConfigureAwait(false);
        }
    }

    private async Task TransferAsync(SslStream tlsStream, X509Certificate2 peer, CancellationTokenSource watchdog)
    {
        // The handshake deadline no longer applies: the idle timeout and the rate floor do.
        watchdog.CancelAfter(Timeout.InfiniteTimeSpan);
        IDisposable? slot;
        try
        {
            slot = await slots.EnterAsync(peer.Thumbprint, watchdog.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var stream = new IdleTimeoutStream(tlsStream, watchdog, options.IdleTimeout, _floor);
        try
        {
            if (slot is null)
            {
                // This certificate already holds its share of the slots: answer its request with Busy.
                counters.Busy();
                await stream.ReadExactlyAsync(new byte[BlobRequest.Size], watchdog.Token).ConfigureAwait(false);
                await RefuseAsync(stream, BlobStatus.Busy, watchdog.Token).ConfigureAwait(false);
                return;
            }

            await HandleRequestAsync(stream, peer, watchdog.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // BlobTransferException is an IOException: corruption, a broken, stalled or trickling peer, or shutdown.
            counters.FailedTransfer();
            if (stream.FellBelowRate)
            {
                counters.SlowPeerDropped();
            }
        }
        finally
        {
            slot?.Dispose();
        }
    }

    private async Task<X509Certificate2?> AuthenticateAsync(SslStream stream, CancellationTokenSource watchdog)
    {
        try
        {
            watchdog.CancelAfter(options.HandshakeTimeout);
            await stream.AuthenticateAsServerAsync(tls, watchdog.Token).ConfigureAwait(false);
            return stream.RemoteCertificate as X509Certificate2;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return null;
        }
    }

    private async Task HandleRequestAsync(Stream stream, X509Certificate2 peer, CancellationToken cancellationToken)
    {
        var frame = new byte[BlobRequest.Size];
        await stream.ReadExactlyAsync(frame, cancellationToken).ConfigureAwait(false);
        BlobRequest request;
        try
        {
            request = BlobRequest.Read(frame);
        }
        catch (BlobTransferException ex)
        {
            await RefuseAsync(stream, ex.Status, cancellationToken).ConfigureAwait(false);
            return;
        }

        var status = tickets.Find(request.Ticket, request.Operation, out var entry);
        if (entry is not null && request.Length != entry.Offer.Length)
        {
            status = BlobStatus.LengthMismatch;
        }
        else if (entry is not null && !entry.Permits(peer))
        {
            status = BlobStatus.NotPermitted;
        }

        switch (entry)
        {
            case PublishedBlob blob when status == BlobStatus.Ok:
                await ServeFetchAsync(stream, blob, cancellationToken).ConfigureAwait(false);
                break;
            case ExpectedUpload upload when status == BlobStatus.Ok:
                await ReceiveUploadAsync(stream, upload, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await RefuseAsync(stream, status, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task ServeFetchAsync(Stream stream, PublishedBlob blob, CancellationToken cancellationToken)
    {
        await StatusFrame.WriteAsync(stream, BlobStatus.Ok, cancellationToken).ConfigureAwait(false);
        await BlobFrameWriter.WriteAsync(stream, blob.Data, blob.Offer.Sha256.AsMemory(), options.ChunkSize, cancellationToken).ConfigureAwait(false);
        var verdict = await StatusFrame.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (verdict == BlobStatus.Ok)
        {
            counters.CompletedFetch();
        }
        else
        {
            counters.FailedTransfer();
        }
    }

    private async Task ReceiveUploadAsync(Stream stream, ExpectedUpload upload, CancellationToken cancellationToken)
    {
        if (!upload.TryClaim())
        {
            await RefuseAsync(stream, BlobStatus.Busy, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await StatusFrame.WriteAsync(stream, BlobStatus.Ok, cancellationToken).ConfigureAwait(false);
            byte[] blob;
            try
            {
                blob = await BlobFrameReader.ReadAsync(stream, upload.Offer.Length, upload.Offer.Sha256.AsMemory(), BlobFraming.MaxChunkSize, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (BlobTransferException ex)
            {
                await StatusFrame.TryWriteAsync(stream, ex.Status, cancellationToken).ConfigureAwait(false);
                throw;
            }

            // The ticket may have expired or been withdrawn while the bytes were arriving.
            var delivered = tickets.Retire(upload.Offer.Ticket, BlobStatus.TicketUsed) && upload.Completion.TrySetResult(blob);
            var verdict = delivered ? BlobStatus.Ok : tickets.Find(upload.Offer.Ticket, BlobOperation.Put, out _);
            await StatusFrame.WriteAsync(stream, verdict, cancellationToken).ConfigureAwait(false);
            if (delivered)
            {
                counters.CompletedUpload();
            }
            else
            {
                counters.FailedTransfer();
            }
        }
        finally
        {
            upload.Release();
        }
    }

    private async Task RefuseAsync(Stream stream, BlobStatus status, CancellationToken cancellationToken)
    {
        counters.RefusedRequest();
        await StatusFrame.TryWriteAsync(stream, status, cancellationToken).ConfigureAwait(false);
    }
}
