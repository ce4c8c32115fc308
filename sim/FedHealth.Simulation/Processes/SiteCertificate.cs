namespace FedHealth.Simulation.Processes;

/// <summary>
/// What certificate a site's node gets. Everything but <see cref="Valid"/> is for tests that check
/// the coordinator refuses the peer (docs/configuration.md, <c>Study.Sites</c>).
/// </summary>
public enum SiteCertificate
{
    /// <summary>Issued by the federation's CA, valid now, not revoked.</summary>
    Valid,

    /// <summary>A well-formed site certificate from a second, unrelated CA (refused as <c>WrongCa</c>).</summary>
    OtherCa,

    /// <summary>Issued by the federation's CA, then revoked; the CRL is republished (refused as <c>Revoked</c>).</summary>
    Revoked,

    /// <summary>Issued by the federation's CA with a validity window that ended before the run (refused as <c>Expired</c>).</summary>
    Expired,
}
