using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.Statistics;

/// <summary>
/// Coordinator → site, before the first round: contribute your sufficient statistics (counts, sums,
/// sums of squares per raw column, encoded in fixed point mod 2^<see cref="ModulusBits"/>) to a
/// secure sum of <see cref="VectorLength"/> elements. The SecAgg+ stages follow under
/// <see cref="Round"/> (its own session, never a training round's).
/// </summary>
[MessagePackObject]
public sealed record StatisticsInstruction(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] int VectorLength,
    [property: Key(3)] int ModulusBits,
    [property: Key(4)] IReadOnlyList<SiteEnrolment>? Enrolments = null) : IRoundMessage;
