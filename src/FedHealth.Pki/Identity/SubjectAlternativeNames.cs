using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.Pki.Identity;

/// <summary>
/// Reads the URIs of a certificate's subject alternative names. .NET's
/// <see cref="X509SubjectAlternativeNameExtension"/> enumerates DNS names and IP addresses only,
/// so the GeneralNames are walked with the BCL's <see cref="AsnReader"/>.
/// </summary>
internal static class SubjectAlternativeNames
{
    private const string Oid = "2.5.29.17";
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);

    public static IReadOnlyList<string> Uris(X509Certificate2 certificate)
    {
        if (certificate.Extensions[Oid] is not { } extension)
        {
            return [];
        }

        try
        {
            var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            var uris = new List<string>();
            while (names.HasData)
            {
                if (names.PeekTag().HasSameClassAndValue(UriTag))
                {
                    uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
                }
                else
                {
                    names.ReadEncodedValue();
                }
            }

            return uris;
        }
        catch (AsnContentException)
        {
            return [];
        }
    }

    /// <summary>
    /// The one FedHealth identity URI of a certificate; null with a reason when there is none,
    /// more than one, or a malformed one.
    /// </summary>
    public static PeerIdentity? IdentityOf(X509Certificate2 certificate, out string problem)
    {
        var candidates = Uris(certificate).Where(uri => uri.StartsWith(PeerIdentity.UriPrefix, StringComparison.Ordinal)).ToList();
        problem = candidates.Count switch
        {
            0 => $"the certificate has no {PeerIdentity.UriPrefix}<role>:<id> subject alternative name",
            > 1 => $"the certificate has {candidates.Count} {PeerIdentity.UriPrefix} names; exactly one is allowed",
            _ => string.Empty,
        };
        if (candidates.Count != 1)
        {
            return null;
        }

        if (PeerIdentity.TryParseUri(candidates[0], out var identity))
        {
            return identity;
        }

        problem = $"the identity '{candidates[0]}' is malformed";
        return null;
    }
}
