using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;

namespace FedHealth.Transfer.Server;

/// <summary>How a <see cref="BlobServer"/> listens, proves who it is and decides whom it talks to.</summary>
public sealed record BlobServerOptions
{
    /// <summary>The server's certificate; it must carry its private key.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>
    /// Decides whether a client's certificate is acceptable (typically: issued by the consortium CA
    /// and not revoked). A client with no certificate is refused before this is asked.
    /// </summary>
    public required Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool> ValidateClient { get; init; }

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 lets the operating system choose; <see cref="BlobServer.EndPoint"/> tells which.</summary>
    public int Port { get; init; }

    /// <summary>Size of the chunks the server sends.</summary>
    public int ChunkSize { get; init; } = BlobFraming.DefaultChunkSize;

    /// <summary>The largest upload <see cref="BlobServer.ExpectUpload"/> agrees to wait for.</summary>
    public long MaxUploadBytes { get; init; } = 1L << 30;

    /// <summary>Authenticated transfers served at once; further authenticated clients wait for a slot.</summary>
    public int MaxConnections { get; init; } = 32;

    /// <summary>Authenticated transfers one client certificate may hold at once; a further request hears <see cref="Framing.BlobStatus.Busy"/>.</summary>
    public int MaxConnectionsPerPeer { get; init; } = 4;

    /// <summary>
    /// TLS handshakes in progress at once. A handshake holds no transfer slot, so sockets that never
    /// authenticate cannot keep an enrolled site waiting; past this many, new sockets are closed at once.
    /// </summary>
    public int MaxPendingHandshakes { get; init; } = 256;

    /// <summary>How long a connection may take to complete the mutual-TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The average rate, in both directions together, below which an authenticated transfer is
    /// dropped once <see cref="RateGracePeriod"/> has passed: a peer trickling a byte at a time
    /// cannot hold a slot (the idle timeout alone would let one byte every 29 s keep it forever).
    /// </summary>
    public long MinBytesPerSecond { get; init; } = 16 << 10;

    /// <summary>How long a transfer runs before <see cref="MinBytesPerSecond"/> applies.</summary>
    public TimeSpan RateGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one read or write may make no progress before the connection is dropped.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Kernel socket buffers; 0 keeps the operating system's auto-tuning.</summary>
    public int SocketBufferBytes { get; init; } = 4 << 20;

    /// <summary>The clock tickets expire by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
