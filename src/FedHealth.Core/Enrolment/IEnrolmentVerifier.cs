namespace FedHealth.Core.Enrolment;

/// <summary>Checks a <see cref="SiteEnrolment"/> against the consortium's trust (CA, revocation, enrolled ids).</summary>
public interface IEnrolmentVerifier
{
    /// <summary>Null when the enrolment is valid; otherwise why not (no key material in the text).</summary>
    string? Refusal(SiteEnrolment enrolment);
}
