using Akka.Actor;
using Akka.Hosting;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Study;
using FedHealth.Hosting.Akka;
using FedHealth.Node.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace FedHealth.Simulation.InProcess;

/// <summary>
/// Runs a whole federation in one process: the coordinator's registry and study actors and one
/// node agent per site, in one actor system built with the production Akka wiring.
/// </summary>
public static class InProcessFederation
{
    public static async Task<StudyResult> RunAsync(
        SimulationSpec spec, IProgress<RoundFinished>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
        builder.Services.AddAkka("fedhealth-sim", akka => akka
            .WithFedHealthSerialization()
            .WithFedHealthLogging());
        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            return await RunInAsync(system, spec, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the federation inside an existing actor system (tests use the TestKit's).</summary>
    public static async Task<StudyResult> RunInAsync(
        ActorSystem system, SimulationSpec spec, IProgress<RoundFinished>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(spec);
        var enrolled = spec.Sites.Select(s => s.Site).ToHashSet();
        var registry = system.ActorOf(SiteRegistryActor.Props(enrolled.Contains, pooledStatistics: spec.Study.FederatedStatistics is not null), "registry");
        var registryPath = system.ActorSelection(registry.Path);
        using var keys = SiteKeys.Generate(spec.Sites.Select(s => s.Site), spec.Study.SecureAggregation.Enabled);
        var nodes = new List<IActorRef>();
        for (var i = 0; i < spec.Sites.Count; i++)
        {
            var identity = keys.IdentityOf(spec.Sites[i].Site);
            var props = spec.Study.FederatedStatistics is null
                ? NodeAgentActor.Props(spec.Sites[i], spec.Trainer, registryPath, identity, spec.Dropout)
                : NodeAgentActor.Props(spec.Pooling[i], spec.Trainer, registryPath, identity, spec.Dropout);
            nodes.Add(system.ActorOf(props, $"site-{i}"));
        }

        var secure = spec.Study.SecureAggregation.Enabled
            ? SecureRoundSettings.For(spec.Study, keys.Enrolled)
            : null;
        var initial = spec.Trainer.Initialize(spec.Study.Model, spec.Study.Seed);
        var study = system.ActorOf(StudyActor.Props(spec.Study, spec.Strategy, registry, initial, spec.Privacy, secure), "study");
        var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = system.ActorOf(StudyListener.Props(study, done, progress), "study-listener");
        await using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)).ConfigureAwait(false);
        try
        {
            return await done.Task.ConfigureAwait(false);
        }
        finally
        {
            // The registry goes first so that nodes leaving at the end are not reported as disconnections.
            foreach (var actor in new[] { registry, study, listener }.Concat(nodes))
            {
                system.Stop(actor);
            }
        }
    }
}
