using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Coordinator → every invited site: opens a fresh session. <see cref="GraphSeed"/> is drawn by the
/// coordinator from a CSPRNG before it sees any key, and the neighbour graph is derived from it
/// together with the session id, so neither side alone picks who neighbours whom.
/// </summary>
[MessagePackObject]
public sealed record SecAggSetup(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] IReadOnlyList<SiteId> Participants,
    [property: Key(3)] int Neighbours,
    [property: Key(4)] int Threshold,
    [property: Key(5)] int ModulusBits,
    [property: Key(6)] int VectorLength,
    [property: Key(7)] byte[] GraphSeed) : IRoundMessage;
