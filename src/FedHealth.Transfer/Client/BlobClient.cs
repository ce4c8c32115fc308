using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tls;

namespace FedHealth.Transfer.Client;

/// <summary>
/// A site's end of the blob channel. Each call opens one mutually-authenticated TLS connection,
/// moves one blob and closes it. A call returns only verified bytes (exact length, matching SHA-256)
/// or throws; retrying is the caller's decision.
/// </summary>
public sealed class BlobClient
{
    private readonly BlobClientOptions _options;
    private readonly SslClientAuthenticationOptions _tls;

    public BlobClient(BlobClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Certificate);
        ArgumentNullException.ThrowIfNull(options.ValidateServer);
        if (!options.Certificate.HasPrivateKey)
        {
            throw new ArgumentException("The client certificate must carry its private key.", nameof(options));
        }

        BlobFraming.ThrowIfInvalidChunkSize(options.ChunkSize, nameof(options));
        _options = options;
        _tls = new SslClientAuthenticationOptions
        {
            TargetHost = options.TargetHost,
            ClientCertificateContext = SslStreamCertificateContext.Create(options.Certificate, additionalCertificates: null, offline: true),
            EnabledSslProtocols = TlsProtocols.Enabled,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = TlsProtocols.Validate(options.ValidateServer),
        };
    }

    /// <summary>Fetches the blob <paramref name="offer"/> names from the server at <paramref name="server"/> (an <see cref="IPEndPoint"/> or <see cref="DnsEndPoint"/>).</summary>
    /// <exception cref="BlobTransferException">The server refused, or the bytes did not verify.</exception>
    public async Task<byte[]> FetchAsync(EndPoint server, BlobOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(offer);
        if (offer.Length > _options.MaxFetchBytes)
        {
            throw new BlobTransferException(BlobStatus.TooLarge, $"The offer is {offer.Length} bytes; this client fetches at most {_options.MaxFetchBytes}.");
        }

        return await ExchangeAsync(server, BlobOperation.Get, offer, async (stream, token) =>
        {
            byte[] blob;
            try
            {
                blob = await BlobFrameReader.ReadAsync(stream, offer.Length, offer.Sha256.AsMemory(), BlobFraming.MaxChunkSize, token).ConfigureAwait(false);
            }
            catch (BlobTransferException ex)
            {
                await StatusFrame.TryWriteAsync(stream, ex.Status, token).ConfigureAwait(false);
                throw;
            }

            // The bytes are verified; the verdict only feeds the server's tallies.
            await StatusFrame.TryWriteAsync(stream, BlobStatus.Ok, token).ConfigureAwait(false);
            return blob;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads <paramref name="data"/>, which <paramref name="offer"/> describes, to a server that
    /// expects it. Completes once the server has verified the bytes; a retry after a lost verdict
    /// hears <see cref="BlobStatus.TicketUsed"/>, meaning an earlier attempt got through.
    /// </summary>
    /// <exception cref="BlobTransferException">The server refused the upload or found the bytes corrupt.</exception>
    public async Task UploadAsync(EndPoint server, BlobOffer offer, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(offer);
        if (data.Length != offer.Length)
        {
            throw new ArgumentException($"The offer announces {offer.Length} bytes but {data.Length} were given.", nameof(data));
        }

        await ExchangeAsync(server, BlobOperation.Put, offer, async (stream, token) =>
        {
            await BlobFrameWriter.WriteAsync(stream, data, offer.Sha256.AsMemory(), _options.ChunkSize, token).ConfigureAwait(false);
            var verdict = await StatusFrame.ReadAsync(stream, token).ConfigureAwait(false);
            return verdict == BlobStatus.Ok
                ? true
                : throw new BlobTransferException(verdict, $"The server did not accept the upload for ticket {offer.Ticket}: {verdict}.");
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ExchangeAsync<T>(
        EndPoint server, BlobOperation operation, BlobOffer offer, Func<Stream, CancellationToken, Task<T>> transfer, CancellationToken cancellationToken)
    {
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var socket = await ConnectAsync(server, watchdog).ConfigureAwait(false);
            var tlsStream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
            await using (tlsStream.ConfigureAwait(false))
            {
                var stream = new IdleTimeoutStream(tlsStream, watchdog, _options.IdleTimeout);
                await OpenAsync(tlsStream, stream, server, operation, offer, watchdog.Token).ConfigureAwait(false);
                return await transfer(stream, watchdog.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The blob transfer with {server} timed out (connect {_options.ConnectTimeout}, idle {_options.IdleTimeout}).");
        }
    }

    /// <summary>Handshake, request, and the server's answer to it.</summary>
    private async Task OpenAsync(SslStream tls, Stream stream, EndPoint server, BlobOperation operation, BlobOffer offer, CancellationToken cancellationToken)
    {
        BlobStatus answer;
        try
        {
            await tls.AuthenticateAsClientAsync(_tls, cancellationToken).ConfigureAwait(false);
            var request = new byte[BlobRequest.Size];
            new BlobRequest(operation, offer.Ticket, offer.Length).Write(request);
            await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            answer = await StatusFrame.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException && ex is not BlobTransferException { Status: BlobStatus.MalformedFrame })
        {
            // With TLS 1.3 the server judges the client's certificate after the client's handshake
            // has completed, so a refused certificate shows up as a connection closed before any answer.
            throw new BlobTransferException(
                BlobStatus.Unauthenticated,
                $"Mutual TLS with {server} failed: the server's certificate was refused, or the server refused this client's certificate ({ex.Message}).",
                ex);
        }

        if (answer != BlobStatus.Ok)
        {
            throw new BlobTransferException(answer, $"The server refused {operation} for ticket {offer.Ticket}: {Explain(answer)}.");
        }
    }

    private async Task<Socket> ConnectAsync(EndPoint server, CancellationTokenSource watchdog)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            SocketTuning.Apply(socket, _options.SocketBufferBytes);
            watchdog.CancelAfter(_options.ConnectTimeout);
            await socket.ConnectAsync(server, watchdog.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Explain(BlobStatus status) => status switch
    {
        BlobStatus.UnknownTicket => "unknown ticket",
        BlobStatus.ExpiredTicket => "the ticket expired",
        BlobStatus.WithdrawnTicket => "the ticket was withdrawn",
        BlobStatus.TicketUsed => "the upload ticket was already used",
        BlobStatus.WrongOperation => "the ticket is for the other direction",
        BlobStatus.NotPermitted => "this client's certificate may not use the ticket",
        BlobStatus.LengthMismatch => "the length does not match the ticket's blob",
        BlobStatus.Busy => "the server is busy: another upload to this ticket is in progress, or this client already holds its share of the server's connections",
        _ => status.ToString(),
    };
}
