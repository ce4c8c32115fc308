namespace FedHealth.Simulation.Processes;

/// <summary>One hospital of a local federation: its id (the certificate's identity), its data and what certificate it gets.</summary>
public sealed record FederationSite(string Id, SiteDataSource Data)
{
    public SiteCertificate Certificate { get; init; } = SiteCertificate.Valid;

    /// <summary>The site's own <c>Node:Training</c> section (e.g. <c>MaxLocalSteps</c>); null keeps the node's defaults.</summary>
    public System.Text.Json.Nodes.JsonObject? Training { get; init; }
}
