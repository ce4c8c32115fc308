using FedHealth.Core.Ids;
using FedHealth.Core.Options;

namespace FedHealth.Coordinator.Rounds;

/// <summary>
/// How a round runs secure aggregation: options, the sites' enrolled signing keys, weighting, and
/// (for site-level DP) the distributed-DP clip and noise multiplier the sites apply.
/// </summary>
public sealed record SecureRoundSettings(
    SecureAggregationOptions Options,
    IReadOnlyDictionary<SiteId, byte[]> EnrolledKeys,
    bool UnitWeights,
    DistributedDpSettings? DistributedDp = null)
{
    /// <summary>
    /// The settings a study's options imply: unit weights under any DP (example counts are not
    /// protected), and distributed DP when site-level DP runs under secure aggregation.
    /// </summary>
    public static SecureRoundSettings For(StudyOptions study, IReadOnlyDictionary<SiteId, byte[]> enrolledKeys)
    {
        ArgumentNullException.ThrowIfNull(study);
        var privacy = study.Privacy;
        return new SecureRoundSettings(
            study.SecureAggregation,
            enrolledKeys,
            UnitWeights: privacy.RecordLevel || privacy.SiteLevel,
            privacy.SiteLevel ? new DistributedDpSettings(privacy.SiteClip, privacy.SiteNoiseMultiplier) : null);
    }
}
