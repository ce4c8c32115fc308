namespace FedHealth.Pki.Identity;

/// <summary>What a certificate's holder is in the consortium; written as <c>site</c>, <c>coordinator</c> or <c>operator</c>.</summary>
public enum PeerRole
{
    Site,
    Coordinator,

    /// <summary>A person who may open a web console from another machine (docs/console.md); never a protocol peer.</summary>
    Operator,
}
