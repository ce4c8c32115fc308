using System.Collections.Concurrent;
using FedHealth.Core.Ids;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Hosting.Remote;
using FedHealth.Simulation.Processes;

namespace FedHealth.EndToEnd.Tests.Federation.Attacker;

/// <summary>An actor system holding one enrolled site's real certificate, joined to the coordinator over mutual TLS, running <see cref="ImpersonatingSite"/>.</summary>
internal sealed class AttackerSystem : IAsyncDisposable
{
    private readonly TlsActorHost _host;

    private AttackerSystem(TlsActorHost host, ConcurrentQueue<object> heard)
    {
        _host = host;
        Heard = heard;
    }

    /// <summary>Everything the attacker heard back: refusals, challenges for the replayed enrolment, its fit instruction.</summary>
    public ConcurrentQueue<object> Heard { get; }

    public static async Task<AttackerSystem> StartAsync(string siteId, TlsFiles files, int coordinatorPort)
    {
        var heard = new ConcurrentQueue<object>();
        var registry = $"{TlsRemoting.Address("127.0.0.1", coordinatorPort)}/user/registry";
        var host = await TlsActorHost.StartAsync(
            files, new HashSet<string> { FederationPki.CoordinatorId }, new RemoteEndpoint("127.0.0.1", 0),
            (system, certificate) => system.ActorOf(ImpersonatingSite.Props(new SiteId(siteId), registry, certificate, heard), "node")).ConfigureAwait(false);
        return new AttackerSystem(host, heard);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
