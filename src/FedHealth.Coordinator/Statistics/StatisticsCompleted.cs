using Akka.Actor;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Statistics;

/// <summary>
/// Statistics child → study: whether the pooled statistics reached the sites. <see cref="Prepared"/>
/// are the sites that prepared their rows with them; <see cref="FailureReason"/> is set when the
/// attempt released nothing.
/// </summary>
public sealed record StatisticsCompleted(
    int Session,
    int Contributors,
    IReadOnlyList<SiteId> Prepared,
    IReadOnlyList<SiteFailure> Failures,
    string? FailureReason) : INoSerializationVerificationNeeded
{
    public bool Succeeded => FailureReason is null;
}
