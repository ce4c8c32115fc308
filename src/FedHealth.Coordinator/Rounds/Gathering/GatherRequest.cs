using System.Collections.Immutable;
using Akka.Actor;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Coordinator.Rounds.Gathering;

/// <summary>
/// One plain question to a set of sites (train this model, evaluate that one): the instruction, the
/// reply type that answers it, the stage a site's failure must name, the deadline, and the check a
/// reply must pass to count (its problem, or null).
/// </summary>
public sealed record GatherRequest(
    ImmutableSortedDictionary<SiteId, IActorRef> Sites,
    IRoundMessage Instruction,
    Type ReplyType,
    ProtocolStage Stage,
    TimeSpan Timeout,
    Func<ISiteMessage, string?> Problem)
{
    /// <summary>Receives replies uploaded over the transfer channel (large updates); null accepts only inline ones.</summary>
    public IUploadReceiver? Uploads { get; init; }

    public string Name { get; init; } = "Round";
}
