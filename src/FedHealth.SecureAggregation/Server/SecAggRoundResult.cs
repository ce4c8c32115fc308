using FedHealth.Core.Ids;

namespace FedHealth.SecureAggregation.Server;

/// <summary>
/// A completed session: the sum modulo 2^m of the inputs of <see cref="Included"/> (every site
/// whose masked input arrived, even if it left afterwards), who dropped out where, and how many
/// PRG masks the coordinator had to expand to remove (one self mask per included site, one
/// pairwise mask per included neighbour of each site that dropped after sharing keys).
/// </summary>
public sealed record SecAggRoundResult(ulong[] Sum, IReadOnlyList<SiteId> Included, IReadOnlyList<SecAggDropout> Dropouts, int MasksRemoved);
