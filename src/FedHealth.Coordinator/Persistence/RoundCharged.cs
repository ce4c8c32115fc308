using FedHealth.Coordinator.Privacy;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Persistence;

/// <summary>
/// Write-ahead: the privacy cost of a round, persisted before anything of the round is released.
/// A round rerun after a crash is charged again under its own <paramref name="LedgerRound"/>, so
/// the ledger may over-count an attempt that released nothing, and never under-counts.
/// </summary>
public sealed record RoundCharged(int Round, int LedgerRound, IReadOnlyList<SiteId> Contributors, DistributedNoiseUsed? Noise) : IStudyEvent;
