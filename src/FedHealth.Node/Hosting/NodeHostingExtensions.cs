using Akka.Actor;
using Akka.Hosting;
using FedHealth.Node.Agent;

namespace FedHealth.Node.Hosting;

/// <summary>Akka.Hosting wiring of a hospital's node agent: the node service and the in-process simulation call this.</summary>
public static class NodeHostingExtensions
{
    /// <summary>
    /// Starts the node agent and registers it in the ActorRegistry (<c>IRequiredActor&lt;NodeAgentActor&gt;</c>);
    /// in a simulation with many nodes in one host, the first one is registered.
    /// </summary>
    public static AkkaConfigurationBuilder WithFedHealthNode(this AkkaConfigurationBuilder builder, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.WithActors((system, registry) => registry.TryRegister<NodeAgentActor>(Start(system, options)));
    }

    public static IActorRef Start(ActorSystem system, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        var coordinator = system.ActorSelection(options.Registry);
        var props = options.Pooled is { } pooled
            ? NodeAgentActor.Props(pooled, options.Trainer, coordinator, options.Identity, options.Dropout, options.Transfer, options.Guard)
            : NodeAgentActor.Props(options.Data ?? throw new ArgumentException("A node needs its data or its pooled preprocessing.", nameof(options)),
                options.Trainer, coordinator, options.Identity, options.Dropout, options.Transfer, options.Guard);
        return system.ActorOf(props, options.Name);
    }
}
