using Akka.Hosting;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Study;

namespace FedHealth.Coordinator.Hosting;

/// <summary>Akka.Hosting wiring of the coordinator: every host (the service, the in-process simulation) calls this.</summary>
public static class CoordinatorHostingExtensions
{
    /// <summary>Binds the study's events to their serializer, starts the registry and the study actor and registers them in the ActorRegistry (<c>IRequiredActor&lt;StudyActor&gt;</c>, <c>IRequiredActor&lt;SiteRegistryActor&gt;</c>).</summary>
    public static AkkaConfigurationBuilder WithFedHealthCoordinator(this AkkaConfigurationBuilder builder, CoordinatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder
            .WithFedHealthStudyState()
            .WithActors((system, registry) =>
        {
            var actors = CoordinatorActors.Start(system, options);
            registry.Register<SiteRegistryActor>(actors.Registry);
            registry.Register<StudyActor>(actors.Study);
        });
    }

    /// <summary>Binds the studies' journal events to their serializer (the coordinator, and readers of its state).</summary>
    public static AkkaConfigurationBuilder WithFedHealthStudyState(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer("fedhealth-study-state", [typeof(Persistence.IStudyEvent)], system => new Persistence.StudyStateSerializer(system));
}
