using System.Collections.Concurrent;
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

namespace FedHealth.EndToEnd.Tests.Federation.LyingCoordinator;

/// <summary>
/// A fake coordinator holding the federation's real coordinator certificate, listening on the
/// coordinator's port over mutual TLS with the production serializer, its registry played by
/// <see cref="ScriptedRegistry"/>. The node cannot tell it from the real one.
/// </summary>
internal sealed class LyingCoordinatorSystem : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConsortiumTrust _trust;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate;
    private readonly IActorRef _registry;
    private readonly IActorRef _node;

    private LyingCoordinatorSystem(
        IHost host, ConsortiumTrust trust, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, IActorRef registry, IActorRef node, ConcurrentQueue<object> heard)
    {
        _host = host;
        _trust = trust;
        _certificate = certificate;
        _registry = registry;
        _node = node;
        Heard = heard;
    }

    /// <summary>Everything the node sent: its registration, then its answers.</summary>
    public ConcurrentQueue<object> Heard { get; }

    /// <summary>Starts listening and waits until the node has registered.</summary>
    public static async Task<LyingCoordinatorSystem> StartAsync(TlsFiles coordinator, IReadOnlySet<string> sites, int port, Func<Task> startNodes)
    {
        var certificate = SiteCredentials.Load(coordinator.Certificate, PasswordSource.FromFile(coordinator.PasswordFile));
        var trust = ConsortiumTrust.Load(coordinator.CaCertificate, coordinator.Crl, new ConsortiumTrustOptions { Enrolled = sites });
        var heard = new ConcurrentQueue<object>();
        var registered = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef? registry = null;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(TlsRemoting.SystemName, akka => akka
            .WithFedHealthSerialization()
            .WithFedHealthTlsRemoting(new RemoteEndpoint(FederationConfigs.LoopbackHost, port), certificate, new PeerCertificateValidator(trust))
            .WithActors((system, _) => registry = system.ActorOf(ScriptedRegistry.Props(heard, registered), "registry")));
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        await startNodes().ConfigureAwait(false);
        var node = await registered.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        return new LyingCoordinatorSystem(host, trust, certificate, registry!, node, heard);
    }

    public void Send(object message) => _registry.Tell(new ScriptedRegistry.Lie(_node, message));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
        _trust.Dispose();
        _certificate.Dispose();
    }
}
