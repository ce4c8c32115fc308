using Akka.Actor;
using Akka.Hosting;
using FedHealth.Coordinator.Hosting;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Persistence;
using FedHealth.Hosting.Akka;
using FedHealth.Hosting.Persistence;
using FedHealth.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace FedHealth.Simulation.InProcess;

/// <summary>
/// Runs a whole federation in one process: the coordinator's registry and study actors and one
/// node agent per site, in one actor system started with the production Akka.Hosting wiring
/// (<see cref="CoordinatorHostingExtensions.WithFedHealthCoordinator"/>, <see cref="NodeHostingExtensions.WithFedHealthNode"/>).
/// </summary>
public static class InProcessFederation
{
    public static async Task<StudyResult> RunAsync(
        SimulationSpec spec, IProgress<RoundFinished>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = spec.Plan;
        using var keys = SiteKeys.Generate(spec.Sites.Select(s => s.Site), plan.Secure is not null);
        var enrolled = spec.Sites.Select(s => s.Site).ToHashSet();
        var coordinator = new CoordinatorOptions(
            plan with { Secure = plan.Secure is { } secure ? secure with { EnrolledKeys = keys.Enrolled } : null },
            spec.Initial ?? spec.Trainer.Initialize(plan.Options.Model, plan.Options.Seed))
        {
            IsEnrolled = enrolled.Contains,
            Persistence = spec.State.IsDurable ? new StudyPersistence(new FolderModelStore(spec.State.ModelsDirectory)) : StudyPersistence.InMemory(),
        };
        using var lease = StateStoreCheck.Open(spec.State);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
        builder.Services.AddAkka("fedhealth-sim", akka =>
        {
            akka.WithFedHealthSerialization()
                .WithFedHealthLogging()
                .WithFedHealthState(spec.State)
                .WithFedHealthCoordinator(coordinator);
            for (var i = 0; i < spec.Sites.Count; i++)
            {
                akka.WithFedHealthNode(NodeFor(spec, i, keys));
            }

            spec.Observers?.Invoke(akka);
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var study = await host.Services.GetRequiredService<IRequiredActor<StudyActor>>().GetAsync(cancellationToken).ConfigureAwait(false);
            var done = new TaskCompletionSource<StudyResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(StudyListener.Props(study, done, progress, spec.Start), "study-listener");
            await using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)).ConfigureAwait(false);
            try
            {
                return await done.Task.ConfigureAwait(false);
            }
            finally
            {
                // The registry goes first so that nodes leaving at the end are not reported as disconnections.
                var registry = await host.Services.GetRequiredService<IRequiredActor<SiteRegistryActor>>().GetAsync(CancellationToken.None).ConfigureAwait(false);
                await registry.GracefulStop(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static NodeOptions NodeFor(SimulationSpec spec, int index, SiteKeys keys)
    {
        var site = spec.Sites[index];
        return new NodeOptions(spec.Trainer, $"/user/{CoordinatorActors.RegistryName}")
        {
            Data = spec.Plan.Options.FederatedStatistics is null ? site : null,
            Pooled = spec.Plan.Options.FederatedStatistics is null ? null : spec.Pooling[index],
            Identity = keys.IdentityOf(site.Site),
            Dropout = spec.Dropout,
            Name = $"site-{index}",
        };
    }
}
