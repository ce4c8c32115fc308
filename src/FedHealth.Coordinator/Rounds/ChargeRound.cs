using Akka.Actor;
using FedHealth.Coordinator.Privacy;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Rounds;

/// <summary>
/// Round → study, write-ahead: these sites' updates are about to be released (aggregated, or
/// unmasked); persist the round's privacy cost first and answer <see cref="RoundChargeRecorded"/>.
/// </summary>
public sealed record ChargeRound(int Round, IReadOnlyList<SiteId> Contributors, DistributedNoiseUsed? Noise) : INoSerializationVerificationNeeded;
