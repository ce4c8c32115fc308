using System.Collections.Immutable;
using Akka.Actor;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Rounds;

/// <summary>Everything a round child needs, fixed when the round starts.</summary>
public sealed record RoundPlan(
    RoundContext Context,
    ModelSpec Model,
    ModelWeights Global,
    IStrategy Strategy,
    ImmutableSortedDictionary<SiteId, IActorRef> Sites,
    int MinFitSites,
    int MinEvaluateSites,
    TimeSpan FitTimeout,
    TimeSpan EvaluateTimeout,
    SecureRoundSettings? Secure = null)
{
    /// <summary>Offers large models on the transfer channel instead of inside the instructions; null sends every model inline.</summary>
    public IModelPublisher? Models { get; init; }

    /// <summary>Receives large replies (plain updates, masked inputs) over the transfer channel; null accepts only inline replies.</summary>
    public IUploadReceiver? Uploads { get; init; }

    /// <summary>
    /// Write-ahead privacy: before anything of the round is released (aggregation of plain updates,
    /// the unmask stage of a secure sum) the round asks its parent to persist the cost (<see cref="ChargeRound"/>).
    /// </summary>
    public bool ChargeBeforeRelease { get; init; }
    /// <summary>Ask the evaluating sites for permutation importance (the study's last round); null: not this round.</summary>
    public PermutationSettings? Importance { get; init; }
}
