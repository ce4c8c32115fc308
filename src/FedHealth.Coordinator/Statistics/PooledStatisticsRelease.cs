using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Registry;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.Statistics;

namespace FedHealth.Coordinator.Statistics;

/// <summary>
/// The pooled statistics once released, and which nodes have them. A site that joins (or rejoins
/// after a restart) later gets the same pooled sum before its first round: it is the consortium's,
/// not any one site's.
/// </summary>
internal sealed class PooledStatisticsRelease(StudyId study, ILoggingAdapter log)
{
    private readonly HashSet<IActorRef> _holders = [];
    private PooledStatistics? _pooled;

    public void Released(StatisticsStageCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        _pooled = completed.Pooled;
        _holders.UnionWith(completed.PreparedNodes);
    }

    public void SendToNewcomers(RegisteredSites sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (_pooled is null)
        {
            return;
        }

        foreach (var (site, node) in sites.Sites)
        {
            if (_holders.Add(node))
            {
                log.Info("Study {Study}: sending the pooled statistics to site {Site}, which joined after they were pooled", study, site);
                node.Tell(_pooled);
            }
        }
    }
}
