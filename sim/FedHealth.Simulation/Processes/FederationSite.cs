namespace FedHealth.Simulation.Processes;

/// <summary>One hospital of a local federation: its id (the certificate's identity), its data and what certificate it gets.</summary>
public sealed record FederationSite(string Id, SiteDataSource Data)
{
    public SiteCertificate Certificate { get; init; } = SiteCertificate.Valid;
}
