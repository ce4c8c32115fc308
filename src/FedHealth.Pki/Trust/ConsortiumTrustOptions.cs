namespace FedHealth.Pki.Trust;

/// <summary>How <see cref="ConsortiumTrust"/> watches its CRL and whom it admits.</summary>
public sealed record ConsortiumTrustOptions
{
    /// <summary>How often, at most, the CRL file's time stamp and size are looked at; zero looks on every verification.</summary>
    public TimeSpan CrlCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The ids admitted on protocol connections (an <c>operator</c>'s certificate never is); null
    /// admits every valid consortium certificate (the consoles' operator check, enrolment checks).
    /// </summary>
    public IReadOnlySet<string>? Enrolled { get; init; }

    /// <summary>The role every admitted peer must hold (a coordinator admits sites, a node the coordinator); null admits either.</summary>
    public Identity.PeerRole? EnrolledRole { get; init; }

    /// <summary>Told, with a reason, whenever a changed CRL file is refused and the previous CRL kept (hook the host's logger here).</summary>
    public Action<string>? CrlRefused { get; init; }

    /// <summary>The clock of the CRL check interval (the verification time is an argument of <see cref="ConsortiumTrust.Verify"/>).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
