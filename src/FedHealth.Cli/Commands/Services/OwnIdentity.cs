using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// Who a service's own certificate must speak for: a node only as its configured site, a
/// coordinator only with a coordinator's certificate (a site's would let it pose as one).
/// </summary>
internal sealed class OwnIdentity
{
    private readonly PeerRole _role;
    private readonly string? _id;

    private OwnIdentity(PeerRole role, string? id)
    {
        _role = role;
        _id = id;
    }

    public static OwnIdentity Coordinator { get; } = new(PeerRole.Coordinator, null);

    public static OwnIdentity Site(string siteId) => new(PeerRole.Site, siteId);

    /// <summary>The role of the peers this service talks to: a coordinator talks to sites, a node to its coordinator.</summary>
    public PeerRole PeerRole => _role == PeerRole.Site ? PeerRole.Coordinator : PeerRole.Site;

    /// <summary>Null when the certificate names this service; otherwise what is wrong, naming both identities.</summary>
    public string? Problem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var identity = PeerIdentity.Of(certificate, out var problem);
        if (identity is null)
        {
            return problem;
        }

        if (identity.Role != _role)
        {
            return $"the certificate is a {identity.Role.ToText()}'s ({identity.Uri}); this service needs a {_role.ToText()}'s certificate";
        }

        return _id is not null && !string.Equals(identity.Id, _id, StringComparison.Ordinal)
            ? $"the certificate is issued to site '{identity.Id}' but Node:SiteId is '{_id}'; a node may only speak for the site its certificate names"
            : null;
    }
}
