using FedHealth.Core.Protocol;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>A site's registration and the registry's answers.</summary>
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
        MessageContract.For<SiteRegistered>((m, wire) => wire.Site(m.Site, nameof(m.Site))),
    ];
}
