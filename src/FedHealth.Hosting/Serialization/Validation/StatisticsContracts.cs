using FedHealth.Core.Protocol.Statistics;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>The secure federated statistics before the first round.</summary>
internal static class StatisticsContracts
{
    public static IEnumerable<MessageContract> All =>
    [
        MessageContract.For<StatisticsInstruction>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Count(m.VectorLength, 1, WireLimits.MaxVectorLength, nameof(m.VectorLength));
            wire.Count(m.ModulusBits, 1, 64, nameof(m.ModulusBits));
            if (m.Enrolments is not null)
            {
                wire.List(m.Enrolments, nameof(m.Enrolments), wire.Enrolment);
            }
        }),
        MessageContract.For<PooledStatistics>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Count(m.ModulusBits, 1, 64, nameof(m.ModulusBits));
            wire.Count(wire.Present(m.Sum, nameof(m.Sum)).Length, 1, WireLimits.MaxVectorLength, nameof(m.Sum) + " length");
            wire.Count(m.Contributors, 0, WireLimits.MaxSites, nameof(m.Contributors));
            if (m.ModulusBits < 64 && m.Sum.Any(element => element >> m.ModulusBits != 0))
            {
                throw wire.Refuse(RefusalReason.OutOfRange, $"{nameof(m.Sum)} holds an element beyond the modulus");
            }
        }),
        MessageContract.For<StatisticsApplied>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
        }),
    ];
}
