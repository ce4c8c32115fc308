using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Hosting;
using FedHealth.Core.Ids;
using FedHealth.Hosting.Akka;
using FedHealth.Hosting.Remote;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;
using FedHealth.Simulation.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedHealth.EndToEnd.Tests.Federation.Attacker;

/// <summary>An actor system holding one enrolled site's real certificate, joined to the coordinator over mutual TLS, running <see cref="ImpersonatingSite"/>.</summary>
internal sealed class AttackerSystem : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConsortiumTrust _trust;

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate;

    private AttackerSystem(IHost host, ConsortiumTrust trust, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, ConcurrentQueue<object> heard)
    {
        _host = host;
        _trust = trust;
        _certificate = certificate;
        Heard = heard;
    }

    /// <summary>Everything the attacker heard back: refusals, challenges for the replayed enrolment, its fit instruction.</summary>
    public ConcurrentQueue<object> Heard { get; }

    public static async Task<AttackerSystem> StartAsync(string siteId, TlsFiles files, int coordinatorPort)
    {
        var certificate = SiteCredentials.Load(files.Certificate, PasswordSource.FromFile(files.PasswordFile));
        var trust = ConsortiumTrust.Load(files.CaCertificate, files.Crl, new ConsortiumTrustOptions { Enrolled = new HashSet<string> { FederationPki.CoordinatorId } });
        var heard = new ConcurrentQueue<object>();
        var registry = $"{TlsRemoting.Address("127.0.0.1", coordinatorPort)}/user/registry";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(TlsRemoting.SystemName, akka => akka
            .WithFedHealthSerialization()
            .WithFedHealthTlsRemoting(new RemoteEndpoint("127.0.0.1", 0), certificate, new PeerCertificateValidator(trust))
            .WithActors((system, _) => system.ActorOf(ImpersonatingSite.Props(new SiteId(siteId), registry, certificate, heard), "node")));
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new AttackerSystem(host, trust, certificate, heard);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
        _trust.Dispose();
        _certificate.Dispose();
    }
}
