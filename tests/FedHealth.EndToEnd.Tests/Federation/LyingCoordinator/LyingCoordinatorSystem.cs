using System.Collections.Concurrent;
using Akka.Actor;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Hosting.Remote;
using FedHealth.Simulation.Processes;

namespace FedHealth.EndToEnd.Tests.Federation.LyingCoordinator;

/// <summary>
/// A fake coordinator holding the federation's real coordinator certificate, listening on the
/// coordinator's port over mutual TLS with the production serializer, its registry played by
/// <see cref="ScriptedRegistry"/>. The node cannot tell it from the real one.
/// </summary>
internal sealed class LyingCoordinatorSystem : IAsyncDisposable
{
    private readonly TlsActorHost _host;
    private readonly IActorRef _node;

    private LyingCoordinatorSystem(TlsActorHost host, IActorRef node, ConcurrentQueue<object> heard)
    {
        _host = host;
        _node = node;
        Heard = heard;
    }

    /// <summary>Everything the node sent: its registration, then its answers.</summary>
    public ConcurrentQueue<object> Heard { get; }

    /// <summary>Starts listening and waits until the node has registered.</summary>
    public static async Task<LyingCoordinatorSystem> StartAsync(TlsFiles coordinator, IReadOnlySet<string> sites, int port, Func<Task> startNodes)
    {
        var heard = new ConcurrentQueue<object>();
        var registered = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await TlsActorHost.StartAsync(
            coordinator, sites, new RemoteEndpoint(FederationConfigs.LoopbackHost, port),
            (system, _) => system.ActorOf(ScriptedRegistry.Props(heard, registered), "registry")).ConfigureAwait(false);
        await startNodes().ConfigureAwait(false);
        var node = await registered.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        return new LyingCoordinatorSystem(host, node, heard);
    }

    public void Send(object message) => _host.Actor.Tell(new ScriptedRegistry.Lie(_node, message));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
