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

    /// <summary>Connections served at once; further clients wait in the listen backlog.</summary>
    public int MaxConnections { get; init; } = 32;

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one read or write may make no progress before the connection is dropped.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Kernel socket buffers; 0 keeps the operating system's auto-tuning.</summary>
    public int SocketBufferBytes { get; init; } = 4 << 20;

    /// <summary>The clock tickets expire by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
