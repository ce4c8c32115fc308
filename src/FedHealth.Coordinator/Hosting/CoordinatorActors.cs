using Akka.Actor;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Study;

namespace FedHealth.Coordinator.Hosting;

/// <summary>The coordinator's top-level actors, started the one way every host starts them.</summary>
public sealed record CoordinatorActors(IActorRef Registry, IActorRef Study)
{
    /// <summary>The registry's name under <c>/user</c>: nodes address it as <c>…/user/registry</c>.</summary>
    public const string RegistryName = "registry";

    public const string StudyName = "study";

    public static CoordinatorActors Start(IActorRefFactory system, CoordinatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException("The coordinator cannot start: " + string.Join(" ", problems), nameof(options));
        }

        var plan = options.Plan;
        var registry = system.ActorOf(
            SiteRegistryActor.Props(options.IsEnrolled, options.Verifier, pooledStatistics: plan.Options.FederatedStatistics is not null), RegistryName);
        var study = system.ActorOf(
            StudyActor.Props(plan.Options, plan.Strategy, registry, options.Initial, plan.Accountant, plan.Secure, options.Transfer, options.Persistence, plan.Definition), StudyName);
        return new CoordinatorActors(registry, study);
    }
}
