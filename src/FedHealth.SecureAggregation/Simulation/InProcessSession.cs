using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.SecureAggregation.Simulation;

/// <summary>
/// One session run in process, for benchmarks, simulations and tests: the sites, their inputs,
/// and who vanishes before which stage (a site in <see cref="Dropouts"/> never sends its message
/// for that stage or any later one).
/// </summary>
public sealed record InProcessSession(
    StudyId Study,
    int Round,
    IReadOnlyList<SiteId> Sites,
    SecAggParameters Parameters,
    int VectorLength,
    Func<SiteId, ulong[]> Input)
{
    public IReadOnlyDictionary<SiteId, SecAggStage> Dropouts { get; init; } = new Dictionary<SiteId, SecAggStage>();

    public SecAggClientPolicy Policy { get; init; } = SecAggClientPolicy.Default;

    /// <summary>Sites that run their stage at the same time (each site's own work stays single-threaded).</summary>
    public int ClientParallelism { get; init; } = 1;

    /// <summary>Cores for the coordinator's arithmetic (−1: all).</summary>
    public int ServerParallelism { get; init; } = -1;

    /// <summary>
    /// Collect garbage after the sites' part of each stage and before the coordinator's, so the
    /// coordinator's time does not pay for the simulated sites' allocations (a real coordinator
    /// hosts no sites).
    /// </summary>
    public bool CollectGarbageBeforeCoordinator { get; init; }

    /// <summary>Sees every message a site sends the coordinator, in order (e.g. to check that none holds plaintext).</summary>
    public Action<SiteId, IRoundMessage>? OnCoordinatorReceives { get; init; }

    /// <summary>May replace a coordinator message before a site sees it (to play a dishonest coordinator in tests).</summary>
    public Func<SiteId, IRoundMessage, IRoundMessage>? Intercept { get; init; }

    /// <summary>The wire size of a message, to count each site's upload; none counted when null.</summary>
    public Func<IRoundMessage, long>? MeasureUpload { get; init; }
}
