using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using FedHealth.Crypto.Signatures;

namespace FedHealth.Node.SecureAggregation;

/// <summary>
/// A site's signing key and whose keys it trusts. In one process the study's keys are enrolled up
/// front (<see cref="EnrolledKeys"/>); across a network the site presents its certificate-bound
/// <see cref="Enrolment"/> when it registers and checks the peers' enrolments the coordinator relays
/// with <see cref="Verifier"/> before trusting their keys.
/// </summary>
public sealed record SecureAggregationIdentity(Ed25519SigningKey SiteKey, IReadOnlyDictionary<SiteId, byte[]> EnrolledKeys)
{
    /// <summary>This site's own enrolment, sent with its registration; null in a simulation.</summary>
    public SiteEnrolment? Enrolment { get; init; }

    /// <summary>
    /// Signs the registry's challenge nonce with the private key of the certificate behind
    /// <see cref="Enrolment"/>; null in a simulation (no challenge is sent there).
    /// </summary>
    public Func<byte[], byte[]>? AnswerChallenge { get; init; }

    /// <summary>Checks relayed enrolments against the consortium CA; null when keys are enrolled up front.</summary>
    public IEnrolmentVerifier? Verifier { get; init; }

    /// <summary>
    /// The keys to trust for one session: the relayed enrolments that verify (refusals are
    /// returned for the log), or the up-front keys when nothing is relayed.
    /// </summary>
    public (IReadOnlyDictionary<SiteId, byte[]> Keys, IReadOnlyList<string> Refusals) TrustedKeys(IReadOnlyList<SiteEnrolment>? relayed)
    {
        if (relayed is null)
        {
            return (EnrolledKeys, []);
        }

        var keys = new Dictionary<SiteId, byte[]>();
        var refusals = new List<string>();
        foreach (var enrolment in relayed)
        {
            var refusal = Verifier is null ? "this site has no way to verify relayed enrolments" : Verifier.Refusal(enrolment);
            if (refusal is null)
            {
                keys[enrolment.Site] = enrolment.SigningKey;
            }
            else
            {
                refusals.Add($"{enrolment.Site}: {refusal}");
            }
        }

        return (keys, refusals);
    }
}
