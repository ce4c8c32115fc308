using FedHealth.Core.Ids;
using FedHealth.Node.SecureAggregation;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>Each site shuffles differently but reproducibly in every round.</summary>
internal static class SiteSeeds
{
    public static long For(long roundSeed, SiteId site) => roundSeed ^ StableHash.Of(site.Value);
}
