using FedHealth.Core.Ids;

namespace FedHealth.Core.Strategy;

/// <summary>What a strategy hook may know about the round: no I/O handles, only facts.</summary>
public sealed record RoundContext(StudyId Study, int Round, long Seed, IReadOnlyList<SiteId> AvailableSites);
