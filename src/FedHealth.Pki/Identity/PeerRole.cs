namespace FedHealth.Pki.Identity;

/// <summary>What a certificate's holder is in the consortium; written as <c>site</c> or <c>coordinator</c>.</summary>
public enum PeerRole
{
    Site,
    Coordinator,
}
