namespace FedHealth.Pki.Identity;

/// <summary>
/// Who a certificate speaks for. It travels as one subject-alternative-name URI,
/// <c>urn:fedhealth:site:&lt;id&gt;</c> or <c>urn:fedhealth:coordinator:&lt;id&gt;</c>.
/// </summary>
public sealed record PeerIdentity
{
    public const string UriPrefix = "urn:fedhealth:";

    public PeerIdentity(string id, PeerRole role)
    {
        Id = PeerIds.Validate(id);
        Role = role;
    }

    public string Id { get; }

    public PeerRole Role { get; }

    public string Uri => $"{UriPrefix}{Role.ToText()}:{Id}";

    /// <summary>The one FedHealth identity a certificate speaks for; null with the reason when it has none, several or a malformed one.</summary>
    public static PeerIdentity? Of(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, out string problem)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return SubjectAlternativeNames.IdentityOf(certificate, out problem);
    }

    /// <summary>Reads an identity URI; false for anything that is not exactly a FedHealth identity.</summary>
    public static bool TryParseUri(string? uri, out PeerIdentity? identity)
    {
        identity = null;
        if (uri is null || !uri.StartsWith(UriPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = uri[UriPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !PeerRoles.TryParse(rest[..colon], out var role) || !PeerIds.IsValid(rest[(colon + 1)..]))
        {
            return false;
        }

        identity = new PeerIdentity(rest[(colon + 1)..], role);
        return true;
    }

    public override string ToString() => Uri;
}
