using System.Collections.Immutable;
using Akka.Actor;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;

namespace FedHealth.Coordinator.Statistics;

/// <summary>One attempt at pooling the sites' feature statistics: its session number, the connected sites, the settings.</summary>
public sealed record StatisticsPlan(
    StudyId Study,
    int Session,
    ImmutableSortedDictionary<SiteId, IActorRef> Sites,
    FederatedStatisticsOptions Options,
    SecureRoundSettings Secure)
{
    /// <summary>Receives masked inputs uploaded over the transfer channel; null accepts only inline ones.</summary>
    public IUploadReceiver? Uploads { get; init; }
}
