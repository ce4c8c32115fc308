using System.Diagnostics;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Remote.Transport.DotNetty;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>
/// Two actor systems in one process ("coordinator" and "site") joined by Akka.Remote over loopback,
/// each presenting its certificate from <see cref="ThrowawayPki"/> and accepting only peers the CA
/// issued, with a <see cref="ChunkSender"/> on one side and a <see cref="ChunkReceiver"/> on the other.
/// </summary>
internal sealed class AkkaRemotePair : IAsyncDisposable
{
    private readonly ActorSystem _coordinator;
    private readonly ActorSystem _site;
    private readonly IActorRef _sender;
    private readonly IActorRef _receiver;

    private AkkaRemotePair(ActorSystem coordinator, ActorSystem site, IActorRef sender, IActorRef receiver)
    {
        _coordinator = coordinator;
        _site = site;
        _sender = sender;
        _receiver = receiver;
    }

    public static async Task<AkkaRemotePair> StartAsync(AkkaTransport transport, bool tls, ThrowawayPki pki)
    {
        var coordinator = Create("coordinator", transport, tls, pki);
        var site = Create("site", transport, tls, pki);
        site.ActorOf(ChunkReceiver.Props(), "receiver");
        var siteAddress = ((ExtendedActorSystem)site).Provider.DefaultAddress;
        var receiver = await coordinator.ActorSelection(new RootActorPath(siteAddress) / "user" / "receiver").ResolveOne(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        return new AkkaRemotePair(coordinator, site, coordinator.ActorOf(ChunkSender.Props(), "sender"), receiver);
    }

    /// <summary>Sends the chunks and waits for the receiver's hash; returns the time taken and that hash.</summary>
    public async Task<(TimeSpan Elapsed, string Sha256)> SendAsync(IReadOnlyList<byte[]> chunks, int window, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        _sender.Tell(new SendBlob(_receiver, chunks, window, done));
        var sha256 = await done.Task.WaitAsync(timeout).ConfigureAwait(false);
        return (clock.Elapsed, sha256);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_coordinator.Terminate(), _site.Terminate()).ConfigureAwait(false);
    }

    private static ActorSystem Create(string name, AkkaTransport transport, bool tls, ThrowawayPki pki)
    {
        var bootstrap = BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString(transport.Hocon(tls)));
        if (!tls)
        {
            return ActorSystem.Create(name, bootstrap);
        }

        var ssl = new DotNettySslSetup(
            pki.Issue($"{name} (akka benchmark)"),
            suppressValidation: false,
            requireMutualAuthentication: true,
            customValidator: (certificate, _, _, _, _) => pki.Trusts(certificate));
        return ActorSystem.Create(name, ActorSystemSetup.Create(bootstrap, ssl));
    }
}
