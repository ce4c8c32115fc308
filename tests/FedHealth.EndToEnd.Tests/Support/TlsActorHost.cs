using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Hosting;
using FedHealth.Hosting.Akka;
using FedHealth.Hosting.Remote;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;
using FedHealth.Simulation.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedHealth.EndToEnd.Tests.Support;

/// <summary>
/// A scripted party of a federation: an actor system with the production serializer over mutual
/// TLS, holding a real certificate of the federation's PKI and trusting only the given peers, with
/// one actor of the spec's own. What the attacker and the lying coordinator share.
/// </summary>
internal sealed class TlsActorHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConsortiumTrust _trust;
    private readonly X509Certificate2 _certificate;

    private TlsActorHost(IHost host, ConsortiumTrust trust, X509Certificate2 certificate, IActorRef actor)
    {
        _host = host;
        _trust = trust;
        _certificate = certificate;
        Actor = actor;
    }

    /// <summary>The spec's actor, created by the factory given to <see cref="StartAsync"/>.</summary>
    public IActorRef Actor { get; }

    /// <param name="files">The party's certificate, its password and the consortium's CA and CRL.</param>
    /// <param name="peers">The peer ids its TLS admits.</param>
    /// <param name="endpoint">Where it listens (port 0 for any).</param>
    /// <param name="actor">Creates the spec's actor, given the party's own certificate.</param>
    public static async Task<TlsActorHost> StartAsync(
        TlsFiles files, IReadOnlySet<string> peers, RemoteEndpoint endpoint, Func<ActorSystem, X509Certificate2, IActorRef> actor)
    {
        var certificate = SiteCredentials.Load(files.Certificate, PasswordSource.FromFile(files.PasswordFile));
        var trust = ConsortiumTrust.Load(files.CaCertificate, files.Crl, new ConsortiumTrustOptions { Enrolled = peers });
        IActorRef? created = null;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(TlsRemoting.SystemName, akka => akka
            .WithFedHealthSerialization()
            .WithFedHealthTlsRemoting(endpoint, certificate, new PeerCertificateValidator(trust))
            .WithActors((system, _) => created = actor(system, certificate)));
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new TlsActorHost(host, trust, certificate, created!);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
        _trust.Dispose();
        _certificate.Dispose();
    }
}
