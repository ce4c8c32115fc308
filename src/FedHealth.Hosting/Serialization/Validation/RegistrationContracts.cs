using FedHealth.Core.Enrolment;
using FedHealth.Core.Protocol;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>A site's registration, the registry's challenge and answers, and the site's proof.</summary>
internal static class RegistrationContracts
{
    public static IEnumerable<MessageContract> All =>
    [
        MessageContract.For<RegisterSite>((m, wire) =>
        {
            wire.Site(m.Site, nameof(m.Site));
            if (m.Enrolment is not null)
            {
                wire.Enrolment(m.Enrolment, nameof(m.Enrolment));
            }
        }),
        MessageContract.For<RegistrationRefused>((m, wire) =>
        {
            wire.Site(m.Site, nameof(m.Site));
            wire.Text(m.Reason, nameof(m.Reason));
        }),
        MessageContract.For<RegistrationChallenge>((m, wire) =>
        {
            wire.Site(m.Site, nameof(m.Site));
            wire.Bytes(m.Nonce, nameof(m.Nonce), RegistrationProofPayload.NonceLength, RegistrationProofPayload.NonceLength);
        }),
        MessageContract.For<RegistrationProof>((m, wire) =>
        {
            wire.Site(m.Site, nameof(m.Site));
            wire.Bytes(m.Nonce, nameof(m.Nonce), RegistrationProofPayload.NonceLength, RegistrationProofPayload.NonceLength);
            wire.Bytes(m.Signature, nameof(m.Signature));
        }),
        MessageContract.For<SiteRegistered>((m, wire) => wire.Site(m.Site, nameof(m.Site))),
    ];
}
