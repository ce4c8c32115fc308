using FedHealth.Core.Enrolment;
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
    /// <summary>The connected sites' certificate-bound enrolments, relayed to every site in a session (across a network); null in a simulation.</summary>
    public IReadOnlyList<SiteEnrolment>? Enrolments { get; init; }

    /// <summary>These settings with the keys of the sites' verified enrolments (when the registry has any).</summary>
    public SecureRoundSettings WithEnrolments(IReadOnlyDictionary<SiteId, SiteEnrolment> enrolments)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        return enrolments.Count == 0
            ? this
            : this with
            {
                EnrolledKeys = enrolments.ToDictionary(kv => kv.Key, kv => kv.Value.SigningKey),
                Enrolments = [.. enrolments.Values],
            };
    }

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
