using System.Buffers.Binary;
using System.Text;
using FedHealth.Core.Ids;

namespace FedHealth.Core.Enrolment;

/// <summary>
/// The bytes a site signs to answer a registration challenge: a domain label (distinct from
/// <see cref="EnrolmentProof"/>'s, so neither signature can stand for the other), its id, the
/// signing key it enrols, and the registry's nonce.
/// </summary>
public static class RegistrationProofPayload
{
    private const string Domain = "fedhealth/registration/v1";

    /// <summary>Bytes of a challenge nonce: fresh from the OS CSPRNG for every registration.</summary>
    public const int NonceLength = 32;

    public static byte[] Of(SiteId site, ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> nonce)
    {
        var label = Encoding.UTF8.GetBytes(Domain);
        var id = Encoding.UTF8.GetBytes(site.Value);
        var payload = new byte[label.Length + 1 + 4 + id.Length + 4 + signingKey.Length + nonce.Length];
        var span = payload.AsSpan();
        label.CopyTo(span);
        span = span[(label.Length + 1)..];
        BinaryPrimitives.WriteInt32BigEndian(span, id.Length);
        id.CopyTo(span[4..]);
        span = span[(4 + id.Length)..];
        BinaryPrimitives.WriteInt32BigEndian(span, signingKey.Length);
        signingKey.CopyTo(span[4..]);
        nonce.CopyTo(span[(4 + signingKey.Length)..]);
        return payload;
    }
}
