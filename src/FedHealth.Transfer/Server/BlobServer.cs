using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tls;

namespace FedHealth.Transfer.Server;

/// <summary>
/// The coordinator's end of the blob channel: a TCP listener that speaks only mutually-authenticated
/// TLS. It serves blobs it <see cref="Publish"/>ed and receives blobs it was told to
/// <see cref="ExpectUpload"/>, each under its own ticket, to any number of clients at once (up to
/// <see cref="BlobServerOptions.MaxConnections"/> authenticated transfers, at most
/// <see cref="BlobServerOptions.MaxConnectionsPerPeer"/> for one certificate). Handshakes hold no
/// transfer slot and have a deadline of their own; a transfer below the minimum rate is dropped.
/// Disposing it closes every connection and fails every upload still awaited.
/// </summary>
public sealed class BlobServer : IAsyncDisposable
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(1);

    private readonly BlobServerOptions _options;
    private readonly TcpListener _listener;
    private readonly TicketRegistry _tickets;
    private readonly ServerCounters _counters = new();
    private readonly ServerConnection _connection;
    private readonly ConnectionSlots _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly ITimer _sweeper;
    private readonly Task _acceptLoop;
    private long _connectionIds;
    private int _disposed;

    private BlobServer(BlobServerOptions options)
    {
        _options = options;
        _tickets = new TicketRegistry(options.Time);
        _slots = new ConnectionSlots(options.MaxConnections, options.MaxConnectionsPerPeer);
        _connection = new ServerConnection(options, ServerTls(options), _tickets, _counters, _slots);
        _listener = new TcpListener(options.Address, options.Port);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _sweeper = options.Time.CreateTimer(_ => _tickets.SweepExpired(), null, SweepPeriod, SweepPeriod);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where the server listens (with the port the operating system chose, if it was 0).</summary>
    public IPEndPoint EndPoint { get; }

    public BlobServerCounters Counters => _counters.Snapshot();

    public static BlobServer Start(BlobServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Certificate);
        ArgumentNullException.ThrowIfNull(options.ValidateClient);
        if (!options.Certificate.HasPrivateKey)
        {
            throw new ArgumentException("The server certificate must carry its private key.", nameof(options));
        }

        BlobFraming.ThrowIfInvalidChunkSize(options.ChunkSize, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnectionsPerPeer, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPendingHandshakes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinBytesPerSecond, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxUploadBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxUploadBytes, BlobFraming.MaxBlobLength, nameof(options));
        return new BlobServer(options);
    }

    /// <summary>
    /// Serves <paramref name="data"/> to GET requests under a fresh ticket until
    /// <paramref name="lifetime"/> passes or it is withdrawn; clients may fetch it more than once
    /// (a retry is a fetch). The bytes are not copied: keep them unchanged while published (a change
    /// would be caught by every receiver's hash check, and no receiver would accept them).
    /// </summary>
    /// <param name="mayFetch">Which authenticated clients may fetch it; null lets any client that passed mutual TLS.</param>
    public BlobOffer Publish(ReadOnlyMemory<byte> data, TimeSpan lifetime, Func<X509Certificate2, bool>? mayFetch = null)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var offer = BlobOffer.For(data.Span);
        _tickets.Add(new PublishedBlob(offer, data, _options.Time.GetUtcNow() + lifetime, mayFetch));
        return offer;
    }

    /// <summary>Stops serving or awaiting a ticket; later requests for it hear that it was withdrawn.</summary>
    public bool Withdraw(BlobTicket ticket) => _tickets.Retire(ticket, BlobStatus.WithdrawnTicket);

    /// <summary>
    /// Accepts one PUT of exactly the blob <paramref name="offer"/> describes (the uploader made the
    /// offer and sent it over the actor channel) within <paramref name="lifetime"/>. The task
    /// completes with the verified bytes; a failed attempt leaves it waiting for a retry. It fails
    /// with a <see cref="BlobTransferException"/> when the ticket expires or is withdrawn, and is
    /// cancelled with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <exception cref="BlobTransferException">The offer is larger than <see cref="BlobServerOptions.MaxUploadBytes"/>.</exception>
    public Task<byte[]> ExpectUpload(
        BlobOffer offer, TimeSpan lifetime, Func<X509Certificate2, bool>? mayUpload = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        if (offer.Length > _options.MaxUploadBytes)
        {
            throw new BlobTransferException(BlobStatus.TooLarge, $"An upload of {offer.Length} bytes exceeds the server's limit of {_options.MaxUploadBytes}.");
        }

        var upload = new ExpectedUpload(offer, _options.Time.GetUtcNow() + lifetime, mayUpload);
        _tickets.Add(upload);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                upload.Completion.TrySetCanceled(cancellationToken);
                _tickets.Retire(offer.Ticket, BlobStatus.WithdrawnTicket);
            });
            upload.Completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return upload.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_connections.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        _tickets.Close();
        _slots.Dispose();
        _stopping.Dispose();
    }

    private static SslServerAuthenticationOptions ServerTls(BlobServerOptions options) => new()
    {
        ServerCertificateContext = SslStreamCertificateContext.Create(options.Certificate, additionalCertificates: null, offline: true),
        ClientCertificateRequired = true,
        EnabledSslProtocols = TlsProtocols.Enabled,
        // Revocation is the validator's business: it knows the consortium's revocation list.
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = TlsProtocols.Validate(options.ValidateClient),
    };

    private async Task AcceptLoopAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            Track(socket, stopping);
        }
    }

    private void Track(Socket socket, CancellationToken stopping)
    {
        var id = Interlocked.Increment(ref _connectionIds);
        var task = Task.Run(() => _connection.ServeAsync(socket, stopping), CancellationToken.None);
        _connections[id] = task;
        task.ContinueWith(_ => _connections.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
