using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;

namespace FedHealth.Transfer.Client;

/// <summary>Who a <see cref="BlobClient"/> is and which servers it trusts.</summary>
public sealed record BlobClientOptions
{
    /// <summary>The site's certificate, with its private key: the server refuses clients without one.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>Decides whether the server's certificate is acceptable (typically: the coordinator's, from the consortium CA).</summary>
    public required Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool> ValidateServer { get; init; }

    /// <summary>The name sent as TLS server name indication; validation is <see cref="ValidateServer"/>'s business.</summary>
    public string TargetHost { get; init; } = "fedhealth-coordinator";

    /// <summary>Size of the chunks the client uploads.</summary>
    public int ChunkSize { get; init; } = BlobFraming.DefaultChunkSize;

    /// <summary>The largest blob the client agrees to fetch; a larger offer fails before connecting.</summary>
    public long MaxFetchBytes { get; init; } = BlobFraming.MaxBlobLength;

    /// <summary>How long connecting and the TLS handshake may take together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one read or write may make no progress before the transfer is abandoned.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Kernel socket buffers; 0 keeps the operating system's auto-tuning.</summary>
    public int SocketBufferBytes { get; init; } = 4 << 20;
}
