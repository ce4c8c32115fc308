namespace FedHealth.Core.Enrolment;

/// <summary>Checks a <see cref="SiteEnrolment"/> against the consortium's trust (CA, revocation, enrolled ids).</summary>
public interface IEnrolmentVerifier
{
    /// <summary>Null when the enrolment is valid; otherwise why not (no key material in the text).</summary>
    string? Refusal(SiteEnrolment enrolment);

    /// <summary>
    /// Null when <paramref name="signature"/> is the enrolment certificate's signature of
    /// <paramref name="payload"/> (a <see cref="RegistrationProofPayload"/>); otherwise why not.
    /// </summary>
    string? ProofRefusal(SiteEnrolment enrolment, byte[] payload, byte[] signature);
}
