using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Tls;

namespace FedHealth.Transfer.Server;

/// <summary>
/// One accepted connection: the mutual-TLS handshake, one request, then either serving a published
/// blob (GET) or receiving an expected one (PUT). Nothing is read past the request before the peer
/// is authenticated, its ticket found, and the ticket found to be for that peer.
/// </summary>
internal sealed class ServerConnection(BlobServerOptions options, SslServerAuthenticationOptions tls, TicketRegistry tickets, ServerCounters counters)
{
    public async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        SocketTuning.Apply(socket, options.SocketBufferBytes);
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var tlsStream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        await using (tlsStream.ConfigureAwait(false))
        {
            var peer = await AuthenticateAsync(tlsStream, watchdog).ConfigureAwait(false);
            if (peer is null)
            {
                counters.RejectedHandshake();
                return;
            }

            var stream = new IdleTimeoutStream(tlsStream, watchdog, options.IdleTimeout);
            try
            {
                await HandleRequestAsync(stream, peer, watchdog.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // BlobTransferException is an IOException: corruption, a broken or stalled peer, or shutdown.
                counters.FailedTransfer();
            }
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
