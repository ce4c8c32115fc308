using System.Security.Cryptography.X509Certificates;
using FedHealth.Benchmarks.Transfer;
using FedHealth.Transfer.Client;
using FedHealth.Transfer.Server;

namespace FedHealth.Transfer.Tests.Support;

/// <summary>
/// A consortium in miniature: one CA, a coordinator and a site certificate, and a stranger with a
/// CA of its own. Certificates are made once per test class.
/// </summary>
public sealed class Loopback : IDisposable
{
    private readonly ThrowawayPki _consortium = ThrowawayPki.Create("FedHealth test consortium CA");
    private readonly ThrowawayPki _elsewhere = ThrowawayPki.Create("Someone else's CA");

    public Loopback()
    {
        Coordinator = _consortium.Issue("coordinator");
        Site = _consortium.Issue("site-a");
        OtherSite = _consortium.Issue("site-b");
        Stranger = _elsewhere.Issue("site-a");
    }

    public X509Certificate2 Coordinator { get; }

    public X509Certificate2 Site { get; }

    public X509Certificate2 OtherSite { get; }

    /// <summary>Same name as <see cref="Site"/>, issued by a CA the consortium does not trust.</summary>
    public X509Certificate2 Stranger { get; }

    public BlobServer StartServer(TimeProvider? time = null, long maxUploadBytes = 1L << 30) => StartServer(o => o with
    {
        Time = time ?? TimeProvider.System,
        MaxUploadBytes = maxUploadBytes,
    });

    /// <summary>A server with the consortium's certificate and trust, and options of the caller's choosing.</summary>
    public BlobServer StartServer(Func<BlobServerOptions, BlobServerOptions> configure) => BlobServer.Start(configure(new BlobServerOptions
    {
        Certificate = Coordinator,
        ValidateClient = _consortium.Validator,
    }));

    public BlobClient ClientFor(X509Certificate2 certificate) => new(new BlobClientOptions
    {
        Certificate = certificate,
        ValidateServer = _consortium.Validator,
    });

    /// <summary>A client holding a consortium certificate but trusting only the stranger's CA.</summary>
    public BlobClient ClientTrustingOnlyElsewhere() => new(new BlobClientOptions
    {
        Certificate = Site,
        ValidateServer = _elsewhere.Validator,
    });

    public void Dispose()
    {
        _consortium.Dispose();
        _elsewhere.Dispose();
    }
}
